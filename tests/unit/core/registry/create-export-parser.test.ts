import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createExportParser } from '../../../../src/core/registry/create-export-parser';
import type { RegistryEntry } from '../../../../src/core/registry/registry-types';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../fixtures/diff/${name}`, import.meta.url), 'utf8');

function parseInChunks(
  text: string,
  size: number,
): { entries: RegistryEntry[]; parser: ReturnType<typeof createExportParser> } {
  const parser = createExportParser();
  const entries: RegistryEntry[] = [];
  for (let at = 0; at < text.length; at += size)
    entries.push(...parser.push(text.slice(at, at + size)));
  entries.push(...parser.end());
  return { entries, parser };
}

describe('createExportParser', () => {
  it('never quotes a broken line in its message, so a key in that line cannot leak', () => {
    const key = 'c2VjcmV0LWtleS1tYXRlcmlhbC0wMTIzNDU2Nzg5YWI=';
    const broken = `{"id":"a","status":"enabled"}\n{"id":"b","authentication":{"symmetricKey":{"primaryKey":"${key}" oops}}}\n`;
    const { parser } = parseInChunks(broken, 1000);
    expect(parser.issues.issues).toEqual([
      expect.objectContaining({ line: 2, code: 'invalid-json' }),
    ]);
    expect(JSON.stringify(parser.issues.issues)).not.toContain(key.slice(0, 12));
  });

  it('reads LF and CRLF exports to the same entries', () => {
    const lf = '{"id":"a","status":"enabled"}\n{"id":"a","moduleId":"m"}\n';
    const crlf = lf.replaceAll('\n', '\r\n');
    const fromLf = parseInChunks(lf, 1000).entries;
    const fromCrlf = parseInChunks(crlf, 1000).entries;
    expect(fromCrlf.map((e) => [e.id, e.moduleId, e.line, e.text])).toEqual(
      fromLf.map((e) => [e.id, e.moduleId, e.line, e.text]),
    );
    expect(fromCrlf[1]).toMatchObject({ id: 'a', moduleId: 'm', line: 2 });
    expect(fromCrlf[0]?.text.endsWith('\r')).toBe(false);
  });

  it('gives the same entries whatever the chunk size, CRLF split across chunks included', () => {
    const text = fixture('export-b.txt');
    const whole = parseInChunks(text, text.length).entries.map((e) => e.text);
    for (const size of [1, 2, 7, 64, 333]) {
      expect(parseInChunks(text, size).entries.map((e) => e.text)).toEqual(whole);
    }
    expect(whole).toHaveLength(18);
  });

  it('skips a leading non-JSON warning line as a notice, not an error', () => {
    const { entries, parser } = parseInChunks(fixture('export-b-keys-excluded.txt'), 100);
    expect(parser.issues.issues).toEqual([
      expect.objectContaining({ line: 1, code: 'leading-comment-line', severity: 'notice' }),
    ]);
    expect(entries[0]).toMatchObject({ id: 'dev-status', line: 2 });
    expect(entries[0]?.device.authentication).toBeNull();
  });

  it('reports a non-JSON line after the first as an error with its line number', () => {
    const { entries, parser } = parseInChunks('{"id":"a"}\nhello\n{"id":"b"}\n', 5);
    expect(entries.map((e) => e.id)).toEqual(['a', 'b']);
    expect(parser.issues.issues).toEqual([
      expect.objectContaining({ line: 2, code: 'invalid-json', severity: 'error' }),
    ]);
  });

  it('reports broken, non-object, id-less and bad-moduleId lines and keeps counting lines', () => {
    const { entries, parser } = parseInChunks(fixture('duplicates-and-broken.txt'), 50);
    expect(parser.issues.issues.map((i) => [i.line, i.code])).toEqual([
      [4, 'invalid-json'],
      [6, 'invalid-json'],
      [7, 'not-an-object'],
      [8, 'missing-id'],
      [9, 'invalid-module-id'],
    ]);
    expect(entries.map((e) => e.line)).toEqual([1, 2, 5, 11, 12]);
    expect(parser.lineCount).toBe(12);
  });

  it('takes the last line even without a trailing newline, and strips a BOM', () => {
    const { entries } = parseInChunks('\uFEFF{"id":"a"}\r\n{"id":"b"}', 4);
    expect(entries.map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('ignores blank and whitespace-only lines without reporting them', () => {
    const { entries, parser } = parseInChunks('\n  \r\n{"id":"a"}\n\n', 3);
    expect(entries.map((e) => [e.id, e.line])).toEqual([['a', 3]]);
    expect(parser.issues.issues).toEqual([]);
  });

  it('caps the issues it keeps but counts all of them', () => {
    const parser = createExportParser({ maxIssues: 2 });
    parser.push('{"id":"a"}\n' + 'x\n'.repeat(5));
    expect(parser.issues.issues).toHaveLength(2);
    expect(parser.issues.counts['invalid-json']).toBe(5);
  });
});
