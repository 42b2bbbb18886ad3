import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, testTls, type TestHub } from '../hub-emulator/hub-fixture';

// `npm run test:live` end to end, with the emulator standing in for the real hub: the variable
// reaches the live suite, which runs its cases, and the suite without its variables says it was
// skipped. (No Azure here; the real hub is the same call with a real connection string.)

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub();
});

afterAll(async () => {
  await hub?.dispose();
});

function runLive(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(IOT_HUB_|STORAGE_|VITEST)/.test(name)),
  );
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsx', 'tools/run-live-tests.ts'], {
      env: { ...clean, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // eslint-disable-next-line no-control-regex
    child.on('exit', (code) => resolve({ code, output: output.replace(/\u001b\[[0-9;]*m/g, '') }));
  });
}

describe('npm run test:live', () => {
  it('says every suite was skipped when no variable is set', async () => {
    const { code, output } = await runLive({});
    expect(code).toBe(0);
    expect(output).toContain('SKIPPED  hub conformance: set IOT_HUB_CONNECTION_STRING');
    expect(output).toContain('No live suite ran');
  });

  it('runs the hub conformance cases against the hub the variable names', async () => {
    const { code, output } = await runLive({
      IOT_HUB_CONNECTION_STRING: hub.connectionString,
      NODE_EXTRA_CA_CERTS: (await testTls()).caCertPath,
    });
    expect(output).toContain('RUN      hub conformance');
    expect(output).toContain('SKIPPED  proxy against Azure: set');
    expect(output).toMatch(/Tests\s+7 passed \(7\)/);
    expect(code).toBe(0);
  }, 120_000);
});
