import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '../../../bin/iot-bulk.mjs');
const FIXTURES = join(import.meta.dirname, '../../fixtures/cli-diff');
const KEYS = JSON.parse(readFileSync(join(FIXTURES, 'keys.json'), 'utf8')) as string[];
const run = promisify(execFile);

async function diff(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, 'diff', ...args], {
      cwd: FIXTURES,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function expectNoKeys(...texts: string[]): void {
  for (const text of texts) for (const key of KEYS) expect(text).not.toContain(key);
}

// A is before, B after: what only A holds was removed, what only B holds was added.
const CHANGES = [
  { id: 'dev-a-only', kind: 'removed', fields: [] },
  { id: 'dev-b-only', kind: 'added', fields: [] },
  { id: 'dev-keys', kind: 'changed', fields: ['authentication.keys'] },
  { id: 'dev-same', moduleId: 'mod-1', kind: 'changed', fields: ['properties.desired.interval'] },
  { id: 'dev-same', moduleId: 'mod-b-only', kind: 'added', fields: [] },
  { id: 'dev-status', kind: 'changed', fields: ['status'] },
  { id: 'dev-tags', kind: 'changed', fields: ['tags.site'] },
];

describe('iot-bulk diff', () => {
  it('prints the exact JSON of an LF export against a CRLF export in another order, modules included', async () => {
    const result = await diff('export-a.txt', 'export-b.txt', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toStrictEqual({
      summary: { added: 2, removed: 1, changed: 4, unchanged: 2 },
      changes: CHANGES,
    });
    // Byte for byte: one change per line, so a large diff stays greppable.
    expect(result.stdout).toBe(
      `{"summary":{"added":2,"removed":1,"changed":4,"unchanged":2},"changes":[\n${CHANGES.map((c) => JSON.stringify(c)).join(',\n')}\n]}\n`,
    );
    expect(result.stderr).toBe('');
  });

  it('names a key change as authentication.keys without printing any key value', async () => {
    const json = await diff('export-a.txt', 'export-b.txt', '--json');
    const readable = await diff('export-a.txt', 'export-b.txt');
    expect(json.stdout).toContain('"authentication.keys"');
    expect(readable.stdout).toContain('changed dev-keys: authentication.keys');
    expectNoKeys(json.stdout, json.stderr, readable.stdout, readable.stderr);
  });

  it('skips the leading warning line of a keys-excluded export and says on stderr that keys were not compared', async () => {
    const result = await diff('export-a.txt', 'export-b-keys-excluded.txt', '--json');
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as { summary: unknown; changes: unknown[] };
    expect(parsed.summary).toStrictEqual({ added: 2, removed: 1, changed: 3, unchanged: 3 });
    expect(parsed.changes).toStrictEqual(CHANGES.filter((c) => c.id !== 'dev-keys'));
    expect(result.stderr).toContain('key changes cannot be seen');
    expectNoKeys(result.stdout, result.stderr);
  });

  it('compares eTag only with --include-version-fields', async () => {
    const result = await diff('export-a.txt', 'export-b.txt', '--json', '--include-version-fields');
    const parsed = JSON.parse(result.stdout) as {
      summary: { changed: number };
      changes: { id: string; fields: string[] }[];
    };
    expect(parsed.summary.changed).toBe(5);
    expect(parsed.changes.find((c) => c.id === 'dev-version')?.fields).toStrictEqual(['eTag']);
  });

  it('prints a readable summary with counts, changed fields and the changes', async () => {
    const result = await diff('export-a.txt', 'export-b.txt');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'A: export-a.txt (export: 6 devices, 1 modules)',
        'B: export-b.txt (export: 6 devices, 2 modules)',
        'added 2, removed 1, changed 4, unchanged 2',
        'changed fields:',
        '  authentication.keys: 1',
        '  properties.desired.interval: 1',
        '  status: 1',
        '  tags.site: 1',
        'changes (A -> B):',
        '  removed dev-a-only',
        '  added   dev-b-only',
        '  changed dev-keys: authentication.keys',
        '  changed dev-same/mod-1: properties.desired.interval',
        '  added   dev-same/mod-b-only',
        '  changed dev-status: status',
        '  changed dev-tags: tags.site',
        '',
      ].join('\n'),
    );
  });

  it('reports a broken line and a duplicate on stderr without quoting the key the broken line holds', async () => {
    const result = await diff('export-a-broken.txt', 'export-b.txt', '--json');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('line 3: invalid-json');
    expect(result.stderr).toContain('line 5: duplicate-device');
    const parsed = JSON.parse(result.stdout) as { changes: { id: string; fields: string[] }[] };
    expect(
      parsed.changes.find((c) => c.id === 'dev-same' && c.fields.length > 0)?.fields,
    ).toStrictEqual(['tags.site']);
    expectNoKeys(result.stdout, result.stderr);
  });

  it('converts a CSV device list in memory and diffs it against an export', async () => {
    const result = await diff('export-a.txt', 'device-list.csv', '--json');
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as {
      summary: unknown;
      changes: { id: string; kind: string }[];
    };
    expect(parsed.summary).toStrictEqual({ added: 1, removed: 5, changed: 1, unchanged: 1 });
    expect(parsed.changes.filter((c) => c.kind !== 'removed')).toStrictEqual([
      { id: 'dev-new', kind: 'added', fields: [] },
      { id: 'dev-status', kind: 'changed', fields: ['status'] },
    ]);
  });

  it('exits 2 naming the row when a device list has an invalid row', async () => {
    const result = await diff('export-a.txt', 'device-list-invalid.csv', '--json');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('line 3 id: ID_INVALID');
  });

  it.each([
    ['a missing second file', ['export-a.txt'], 'diff needs two files'],
    [
      'a convert-only option',
      ['export-a.txt', 'export-b.txt', '--out', 'x'],
      "Unknown option '--out'",
    ],
    ['a third file', ['export-a.txt', 'export-b.txt', 'export-b.txt'], 'unexpected argument'],
  ])('exits 2 with the reason and the usage on %s', async (_name, args, reason) => {
    const result = await diff(...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(reason);
    expect(result.stderr).toContain('iot-bulk diff <a> <b> [--json]');
  });

  it('exits 2 when a file cannot be read', async () => {
    const result = await diff('export-a.txt', 'nope.txt');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot read nope.txt');
  });
});
