import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../src/cli/parse-cli-args';
import { runCliCommand } from '../../../src/cli/run-cli-command';

const BIN = join(import.meta.dirname, '../../../bin/iot-bulk.mjs');
const run = promisify(execFile);
let dir: string;

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: dir });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function inProcess(args: string[]): Promise<{ code: number; stderr: string }> {
  const parsed = parseCliArgs(args);
  if ('usageError' in parsed) return { code: 2, stderr: parsed.usageError };
  const result = await runCliCommand(parsed.ok);
  return { code: result.exitCode, stderr: result.stderr };
}

function parseCliArgsOrThrow(args: string[]) {
  const parsed = parseCliArgs(args);
  if ('usageError' in parsed) throw new Error(parsed.usageError);
  return parsed.ok;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'iot-bulk-cli-'));
  writeFileSync(join(dir, 'good.csv'), 'deviceId,status\nd1,enabled\nd2,disabled\n');
  writeFileSync(join(dir, 'mixed.csv'), 'deviceId\nd1\n"bad id"\n');
  writeFileSync(join(dir, 'repeated.csv'), 'deviceId\nd1\nd2\nd1\n');
  writeFileSync(join(dir, 'single.csv'), 'deviceId\nd1\n');
  writeFileSync(join(dir, 'broken.json'), '[{"id":"a"},\n {"id": }]');
  writeFileSync(join(dir, 'map.json'), '{"serial":"id","site":"tags.site"}');
  writeFileSync(join(dir, 'mapped.csv'), 'serial,site\ns1,roof\n');
  writeFileSync(join(dir, 'header-only.csv'), 'deviceId,status\r\n');
  writeFileSync(join(dir, 'one-key.csv'), `deviceId;Primary Key\nd1;${'A'.repeat(43)}=\n`);
});

describe('iot-bulk', () => {
  it('converts a valid file through the bin script with exit 0 and writes output and report', async () => {
    const result = await cli([
      'convert',
      'good.csv',
      '--out',
      'good.ndjson',
      '--report',
      'good.report.json',
    ]);
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'good.ndjson'), 'utf8')).toBe(
      '{"id":"d1","importMode":"create","status":"enabled"}\n{"id":"d2","importMode":"create","status":"disabled"}\n',
    );
    expect(JSON.parse(readFileSync(join(dir, 'good.report.json'), 'utf8'))).toMatchObject({
      total: 2,
      valid: 2,
      invalid: 0,
    });
  });

  it('exits 2 with the usage on an unknown command', async () => {
    const result = await cli(['transmogrify']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage:');
  });

  it('exits 1 and writes nothing when a row is invalid', async () => {
    const result = await inProcess([
      'convert',
      join(dir, 'mixed.csv'),
      '--out',
      join(dir, 'mixed.ndjson'),
    ]);
    expect(result.code).toBe(1);
    expect(existsSync(join(dir, 'mixed.ndjson'))).toBe(false);
    expect(existsSync(join(dir, 'mixed.ndjson.partial'))).toBe(false);
  });

  it('names an invalid row and the row it repeats by their lines, as the console does', async () => {
    const result = await inProcess(['validate', join(dir, 'repeated.csv')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('line 4 id: DUPLICATE_ID the same id is already on line 2');
  });

  it('says "1 device" when it writes one', async () => {
    const out = join(dir, 'single.ndjson');
    const result = await runCliCommand(
      parseCliArgsOrThrow(['convert', join(dir, 'single.csv'), '--out', out]),
    );
    expect(result.stdout).toContain(`; wrote 1 device to ${out}`);
  });

  it('writes the valid rows with --skip-invalid and still exits 1', async () => {
    const result = await inProcess([
      'convert',
      join(dir, 'mixed.csv'),
      '--out',
      join(dir, 'skip.ndjson'),
      '--skip-invalid',
    ]);
    expect(result.code).toBe(1);
    expect(readFileSync(join(dir, 'skip.ndjson'), 'utf8')).toBe(
      '{"id":"d1","importMode":"create","status":"enabled"}\n',
    );
  });

  it('exits 2 naming line and column for broken JSON', async () => {
    const result = await inProcess([
      'validate',
      join(dir, 'broken.json'),
      '--report',
      join(dir, 'broken.report.json'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('line 2, column 9');
  });

  it('exits 1 saying so when a CSV has a header but no devices', async () => {
    const result = await inProcess([
      'convert',
      join(dir, 'header-only.csv'),
      '--out',
      join(dir, 'h.ndjson'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the file has a header but no devices');
    expect(existsSync(join(dir, 'h.ndjson'))).toBe(false);
  });

  it('completes one-key rows with --one-key generate-other and writes the keys file', async () => {
    const out = join(dir, 'one-key.ndjson');
    const result = await inProcess([
      'convert',
      join(dir, 'one-key.csv'),
      '--out',
      out,
      '--one-key',
      'generate-other',
    ]);
    expect(result.code).toBe(0);
    expect(readFileSync(`${out}.keys.csv`, 'utf8').split('\n')[1]).toMatch(
      /^d1,,A{43}=,[A-Za-z0-9+/]{43}=$/,
    );
    expect(
      (await inProcess(['validate', join(dir, 'one-key.csv'), '--one-key', 'maybe'])).code,
    ).toBe(2);
  });

  it('exits 2 for a file that does not exist', async () => {
    expect((await inProcess(['validate', join(dir, 'nope.csv')])).code).toBe(2);
  });

  it('applies --mode, --status and --map', async () => {
    const out = join(dir, 'mapped.ndjson');
    const result = await inProcess([
      'convert',
      join(dir, 'mapped.csv'),
      '--out',
      out,
      '--map',
      join(dir, 'map.json'),
      '--mode',
      'CreateOrUpdate',
      '--status',
      'disabled',
    ]);
    expect(result.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(
      '{"id":"s1","importMode":"createOrUpdate","status":"disabled","tags":{"site":"roof"}}\n',
    );
  });

  it('writes generated keys next to the output with --generate-keys', async () => {
    const out = join(dir, 'keys.ndjson');
    expect(
      (await inProcess(['convert', join(dir, 'good.csv'), '--out', out, '--generate-keys'])).code,
    ).toBe(0);
    const keys = readFileSync(`${out}.keys.csv`, 'utf8').trim().split('\n');
    expect(keys[0]).toBe('id,moduleId,primaryKey,secondaryKey');
    const line = JSON.parse(readFileSync(out, 'utf8').split('\n')[0]!) as {
      authentication: { symmetricKey: { primaryKey: string } };
    };
    expect(keys[1]).toContain(line.authentication.symmetricKey.primaryKey);
    expect(Buffer.from(line.authentication.symmetricKey.primaryKey, 'base64')).toHaveLength(32);
  });

  it('rejects --out on validate and a bad --mode as usage errors', async () => {
    expect((await inProcess(['validate', 'x.csv', '--out', 'y'])).code).toBe(2);
    expect((await inProcess(['convert', 'x.csv', '--out', 'y', '--mode', 'upsert'])).code).toBe(2);
  });
});
