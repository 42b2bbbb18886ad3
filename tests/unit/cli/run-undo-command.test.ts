import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '../../../bin/iot-bulk.mjs');
const FIXTURES = join(import.meta.dirname, '../../fixtures/plan');
const KEYS = JSON.parse(readFileSync(join(FIXTURES, 'keys.json'), 'utf8')) as string[];
const OUT = mkdtempSync(join(tmpdir(), 'undo-cli-'));
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

describe('iot-bulk undo', () => {
  it('writes the import that puts the registry back, in undo order, and says what it does', async () => {
    const out = join(OUT, 'undo.ndjson');
    const result = await cli('undo', 'import.ndjson', '--registry', 'registry.txt', '--out', out);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('undo: delete 2, re-create 2, restore 2');
    const lines = readFileSync(out, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.importMode, l.id, l.moduleId])).toEqual([
      ['delete', 'sensor-4', undefined],
      ['delete', 'leaf-2', undefined],
      ['create', 'sensor-3', undefined],
      ['create', 'sensor-3', 'collector'],
      ['updateTwin', 'cam-1', undefined],
      ['createOrUpdate', 'sensor-1', undefined],
    ]);
    expect(lines[3]).toMatchObject({ authentication: { symmetricKey: { primaryKey: KEYS[2] } } });
    for (const key of KEYS) expect(result.stdout + result.stderr).not.toContain(key);
  });

  it('leaves no file behind when the registry cannot be read', async () => {
    const out = join(OUT, 'never.ndjson');
    const result = await cli('undo', 'import.ndjson', '--registry', 'missing.txt', '--out', out);
    expect(result.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.partial`)).toBe(false);
  });
});
