import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '../../../bin/iot-bulk.mjs');
const FIXTURES = join(import.meta.dirname, '../../fixtures/plan');
const KEYS = JSON.parse(readFileSync(join(FIXTURES, 'keys.json'), 'utf8')) as string[];
const OUT = mkdtempSync(join(tmpdir(), 'plan-cli-'));
const run = promisify(execFile);

afterAll(() => rmSync(OUT, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: FIXTURES });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function expectNoKeys(...texts: string[]): void {
  for (const text of texts) for (const key of KEYS) expect(text).not.toContain(key);
}

const ROWS = [
  { id: 'sensor-1', line: 1, outcome: 'update', fields: ['status'] },
  { id: 'sensor-2', line: 2, outcome: 'unchanged' },
  { id: 'sensor-3', line: 3, outcome: 'delete' },
  { id: 'sensor-4', line: 4, outcome: 'create' },
  { id: 'sensor-1', line: 5, outcome: 'fail', errorCode: 409001 },
  { id: 'ghost', line: 6, outcome: 'fail', errorCode: 404001 },
  { id: 'cam-1', line: 7, outcome: 'update', fields: ['tags.room'] },
  { id: 'leaf-2', line: 8, outcome: 'create' },
  { id: 'leaf-3', line: 9, outcome: 'fail', errorCode: 400004 },
  { id: 'broken', line: 10, outcome: 'fail', errorCode: 400012 },
];
const SUMMARY = { create: 2, update: 2, unchanged: 1, delete: 1, fail: 4 };

describe('iot-bulk plan', () => {
  it('prints the exact JSON of a mixed import against an export, one row per line, and exits 0', async () => {
    const result = await cli('plan', 'import.ndjson', '--registry', 'registry.txt', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toStrictEqual({ summary: SUMMARY, rows: ROWS });
    expect(result.stdout).toBe(
      `{"summary":${JSON.stringify(SUMMARY)},"rows":[\n${ROWS.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`,
    );
    expect(result.stderr).toContain('keys kept from the registry');
    expectNoKeys(result.stdout, result.stderr);
  });

  it('says in words what each row does, keys kept included, without printing a key', async () => {
    const result = await cli('plan', 'import.ndjson', '--registry', 'registry.txt');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('create 2, update 2, unchanged 1, delete 1, fail 4');
    expect(result.stdout).toContain('line 1 update sensor-1: status; keys kept from the registry');
    expect(result.stdout).toContain('line 5 fail   sensor-1: 409001');
    expect(result.stdout).toContain('job file: 9 of 10 lines (1 unchanged left out)');
    expect(result.stderr).toContain(
      'importing import.ndjson as it is gives those devices new keys',
    );
    expectNoKeys(result.stdout, result.stderr);
  });

  it('writes the job file with the keys kept and without the unchanged row', async () => {
    const job = join(OUT, 'job.ndjson');
    const result = await cli('plan', 'import.ndjson', '--registry', 'registry.txt', '--job', job);
    expect(result.code).toBe(0);
    const lines = readFileSync(job, 'utf8').split('\n').filter(Boolean);
    expect(lines).toHaveLength(9);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      id: 'sensor-1',
      status: 'disabled',
      authentication: { symmetricKey: { primaryKey: KEYS[0], secondaryKey: KEYS[1] } },
    });
    expect(lines.some((l) => l.includes('"sensor-2"'))).toBe(false);
    expect(existsSync(`${job}.partial`)).toBe(false);
  });

  it('sends the file as it is with --rotate-keys and --send-unchanged, and then names the rotation', async () => {
    const job = join(OUT, 'as-is.ndjson');
    const result = await cli(
      'plan',
      'import.ndjson',
      '--registry',
      'registry.txt',
      '--json',
      '--rotate-keys',
      '--send-unchanged',
      '--job',
      job,
    );
    const parsed = JSON.parse(result.stdout) as {
      rows: { keysRotated?: boolean; fields?: string[] }[];
    };
    expect(parsed.rows[0]).toStrictEqual({
      id: 'sensor-1',
      line: 1,
      outcome: 'update',
      fields: ['status', 'authentication.keys'],
      keysRotated: true,
    });
    expect(readFileSync(job, 'utf8')).toBe(readFileSync(join(FIXTURES, 'import.ndjson'), 'utf8'));
  });

  it('plans a CSV device list by converting it first, as convert would', async () => {
    const result = await cli(
      'plan',
      'disable.csv',
      '--registry',
      'registry.txt',
      '--mode',
      'update',
      '--json',
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toStrictEqual({
      summary: { create: 0, update: 2, unchanged: 0, delete: 0, fail: 0 },
      rows: [
        { id: 'sensor-1', line: 1, outcome: 'update', fields: ['status'] },
        { id: 'sensor-2', line: 2, outcome: 'update', fields: ['status'] },
      ],
    });
  });

  it('fails creates past --device-cap with 403002', async () => {
    const result = await cli(
      'plan',
      'import.ndjson',
      '--registry',
      'registry.txt',
      '--json',
      '--device-cap',
      '8',
    );
    const rows = (JSON.parse(result.stdout) as { rows: { id: string; errorCode?: number }[] }).rows;
    expect(rows.filter((r) => r.errorCode === 403002).map((r) => r.id)).toEqual(['leaf-2']);
  });

  it(
    'exits 2 with a clear message for a missing file, invalid rows or a usage error',
    { timeout: 60_000 },
    async () => {
      const missing = await cli('plan', 'import.ndjson', '--registry', 'nope.txt');
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('cannot read nope.txt');
      const bad = join(OUT, 'bad.csv');
      writeFileSync(bad, 'deviceId,status\nok-1,enabled\nbad id,enabled\n');
      const invalid = await cli('plan', bad, '--registry', 'registry.txt');
      expect(invalid.code).toBe(2);
      expect(invalid.stderr).toContain('1 invalid rows');
      for (const args of [
        ['plan', 'import.ndjson'],
        ['plan', 'import.ndjson', '--registry', 'registry.txt', '--out', 'x'],
        ['plan', 'import.ndjson', '--registry', 'registry.txt', '--device-cap', 'lots'],
        ['undo', 'import.ndjson', '--registry', 'registry.txt'],
      ]) {
        const usage = await cli(...args);
        expect(usage.code).toBe(2);
        expect(usage.stderr).toContain('Usage:');
      }
    },
  );
});
