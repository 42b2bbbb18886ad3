import { describe, expect, it } from 'vitest';
import { diffRegistries } from '../../../../src/core/diff/diff-registries';
import { formatDiffCsv } from '../../../../src/core/diff/format-diff-csv';
import { formatDiffJson } from '../../../../src/core/diff/format-diff-json';
import { formatDiffSummary } from '../../../../src/core/diff/format-diff-summary';
import { parseRegistryText } from '../../../../src/core/registry/build-registry-snapshot';
import { FIXTURE_KEYS, fixtureSnapshot } from './support/load-fixture';

const diff = diffRegistries(fixtureSnapshot('export-a.txt'), fixtureSnapshot('export-b.txt'));

describe('diff as CSV', () => {
  it('writes a header and one CRLF row per change, fields joined with ;', () => {
    const rows = formatDiffCsv(diff).split('\r\n');
    expect(rows[0]).toBe('kind,id,moduleId,fields');
    expect(rows).toContain('changed,dev-status,,status;statusReason');
    expect(rows).toContain('removed,dev-mod,mod-a-only,');
    expect(rows).toHaveLength(diff.changes.length + 2);
  });

  it('defuses a device id that starts like a formula', () => {
    const after = parseRegistryText('{"id":"=cmd|x","status":"enabled"}\n');
    const csv = formatDiffCsv(diffRegistries(parseRegistryText(''), after));
    expect(csv.split('\r\n')[1]).toBe("added,'=cmd|x,,");
  });
});

describe('diff as JSON', () => {
  it('prints the CLI shape: summary and changes, moduleId only on module changes', () => {
    const parsed = JSON.parse(formatDiffJson(diff)) as {
      summary: unknown;
      changes: Record<string, unknown>[];
    };
    expect(Object.keys(parsed)).toEqual(['summary', 'changes']);
    expect(parsed.summary).toEqual({ added: 3, removed: 2, changed: 8, unchanged: 7 });
    expect(parsed.changes[0]).toEqual({ id: 'dev-a-only', kind: 'removed', fields: [] });
    expect(parsed.changes.find((c) => c.moduleId === 'mod-a-only')).toEqual({
      id: 'dev-mod',
      moduleId: 'mod-a-only',
      kind: 'removed',
      fields: [],
    });
    expect(JSON.parse(formatDiffJson(diff, { pretty: true }))).toEqual(parsed);
  });

  it('writes valid JSON for an empty diff', () => {
    const empty = diffRegistries(parseRegistryText(''), parseRegistryText(''));
    expect(JSON.parse(formatDiffJson(empty))).toEqual({
      summary: { added: 0, removed: 0, changed: 0, unchanged: 0 },
      changes: [],
    });
  });

  it('never prints a key value, in JSON, CSV or notices', () => {
    const text = formatDiffJson(diff) + formatDiffCsv(diff) + JSON.stringify(diff);
    for (const key of FIXTURE_KEYS) expect(text).not.toContain(key);
    expect(text).toContain('authentication.keys');
  });
});

describe('diff as a readable summary', () => {
  it('prints the counts, the most changed fields and the notices', () => {
    const text = formatDiffSummary(
      diffRegistries(
        fixtureSnapshot('export-a.txt'),
        fixtureSnapshot('export-b-keys-excluded.txt'),
      ),
    );
    expect(text.split('\n')[0]).toBe('added 3, removed 2, changed 5, unchanged 10');
    expect(text).toContain('  status: 1\n');
    expect(text).toContain('note: key changes cannot be seen: B does not carry symmetric keys');
  });
});
