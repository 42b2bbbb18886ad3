import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCopyCommand } from '../../../src/cli/run-copy-command';

const FIXTURE = join(import.meta.dirname, '../../fixtures/hub-export');
// Every key of the fixture's export, so no output but the import file can be seen holding one.
const KEYS = [
  ...(await readFile(join(FIXTURE, 'devices.txt'), 'utf8')).matchAll(
    /"(?:primary|secondary)Key":"([^"]+)"/g,
  ),
].map((m) => m[1] ?? '');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copy-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const command = (over: Partial<Parameters<typeof runCopyCommand>[0]> = {}) => ({
  command: 'copy' as const,
  export: join(FIXTURE, 'devices.txt'),
  out: join(dir, 'out.ndjson'),
  mode: 'create' as const,
  configurations: join(FIXTURE, 'configurations.txt'),
  configurationsOut: join(dir, 'configurations.txt'),
  report: join(dir, 'report.ndjson'),
  ...over,
});

describe('runCopyCommand', () => {
  it('writes the import, the configurations and a report that names each skipped line, no key', async () => {
    const result = await runCopyCommand(command());
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('10 lines written');
    expect(result.stdout).toContain('2 configurations written');
    const out = await readFile(join(dir, 'out.ndjson'), 'utf8');
    expect(out.split('\n').filter(Boolean)).toHaveLength(10);
    expect(KEYS.length).toBeGreaterThan(10);
    expect(KEYS.filter((k) => out.includes(k)).length).toBeGreaterThan(10);
    const report = await readFile(join(dir, 'report.ndjson'), 'utf8');
    expect(
      report
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as unknown),
    ).toMatchObject([
      { line: 3, id: 'edge-root-01', moduleId: '$edgeAgent', outcome: 'skipped' },
      { line: 4, id: 'edge-root-01', moduleId: '$edgeHub', outcome: 'skipped' },
      { line: 7, id: 'edge-child-01', moduleId: '$edgeAgent', outcome: 'skipped' },
      { line: 8, id: 'edge-child-01', moduleId: '$edgeHub', outcome: 'skipped' },
    ]);
    for (const text of [report, result.stdout, result.stderr])
      for (const key of KEYS) expect(text).not.toContain(key);
  });

  it('refuses an export without keys and leaves no file behind', async () => {
    const keyless = join(dir, 'keyless.txt');
    await writeFile(keyless, 'Keys are excluded.\r\n{"id":"a","authentication":null}\r\n');
    const result = await runCopyCommand(command({ export: keyless, configurations: undefined }));
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('export with keys');
    await expect(readFile(join(dir, 'out.ndjson'))).rejects.toThrow();
    await expect(readFile(join(dir, 'report.ndjson'))).rejects.toThrow();
  });
});
