import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { childPids, isAlive } from './process-tree';

// `npm start`'s entry run as a real process: env validation, the printed banner, and a clean
// Ctrl-C (SIGINT) that takes Azurite's child process down with it.

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const dirs: string[] = [];

afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

function startMain(env: Record<string, string>): {
  child: ChildProcessWithoutNullStreams;
  output: () => { stdout: string; stderr: string };
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/dev-stack/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, output: () => ({ stdout, stderr }) };
}

const exitOf = (child: ChildProcessWithoutNullStreams): Promise<number | null> =>
  child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', (code) => resolve(code)));

async function waitForLine(
  read: () => string,
  pattern: RegExp,
  child: ChildProcessWithoutNullStreams,
  timeoutMs: number,
): Promise<RegExpExecArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = pattern.exec(read());
    if (match) return match;
    if (child.exitCode !== null)
      throw new Error(`exited with ${child.exitCode} before printing ${pattern}`);
    if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('npm start (src/dev-stack/main.ts)', () => {
  it('refuses to start with one message that names every bad variable', async () => {
    const { child, output } = startMain({
      APP_PORT: 'eighty',
      OIDC_PORT: '70000',
      HUB_PORT: '4282',
      AZURITE_PORT: '4282',
      LOCAL_DATA_DIR: ' ',
    });
    expect(await exitOf(child)).toBe(2);
    const { stderr } = output();
    expect(stderr).toContain('APP_PORT="eighty"');
    expect(stderr).toContain('OIDC_PORT="70000"');
    expect(stderr).toContain('LOCAL_DATA_DIR=" "');
    expect(stderr).toContain('AZURITE_PORT=4282: same port as HUB_PORT');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('prints the test users and one App line, then stops everything on SIGINT and exits 0', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'npm-start-'));
    dirs.push(dataDir);
    const { child, output } = startMain({
      APP_PORT: '0',
      OIDC_PORT: '0',
      HUB_PORT: '0',
      HUB_B_PORT: '0',
      AZURITE_PORT: '0',
      LOCAL_DATA_DIR: dataDir,
    });
    try {
      const [, appUrl] = await waitForLine(() => output().stdout, /^App: (\S+)$/m, child, 90_000);
      const { stdout } = output();
      expect(stdout.match(/^App: /gm)).toHaveLength(1);
      expect(stdout.trimEnd().split('\n').at(-1)).toBe(`App: ${appUrl}`);
      expect(stdout).toMatch(/admin\s+password admin-local\s+role IotBulk\.Admin/);
      expect(stdout).toMatch(/support\s+password support-local\s+role IotBulk\.Support/);
      expect(stdout).toContain(path.join(dataDir, 'tls', 'ca.pem'));
      expect(stdout).toContain('docs/local-tls.md');
      // The proxy's setup check ran before the banner and found nothing wrong with the stack.
      expect(stdout).toMatch(/^Setup check \(hub-a\): \d+ checks passed$/m);
      expect(stdout).toMatch(/^Setup check \(hub-b\): \d+ checks passed$/m);
      expect(stdout).toMatch(/^Hub hub-b: +https:\/\/localhost:\d+ /m);
      expect(stdout).toMatch(/admin-a\s+password admin-a-local\s+role IotBulk\.HubA\.Admin/);
      expect((await fetch(`${appUrl}/healthz`)).status).toBe(200);

      const children = childPids(child.pid!);
      expect(children.length).toBeGreaterThan(0);
      child.kill('SIGINT');
      expect(await exitOf(child)).toBe(0);
      // The OS may take a moment to reap children that exit with their parent (tsx's esbuild
      // service).
      await expect.poll(() => children.filter(isAlive), { timeout: 5_000 }).toEqual([]);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
