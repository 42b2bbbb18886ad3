import { describe, expect, it } from 'vitest';
import { illFormedStringPaths } from '../../../../src/proxy/http/ill-formed-strings';
import { toLogLine } from '../../../../src/proxy/http/request-log';

describe('the JSON log line', () => {
  it('carries no raw control character, C1 and line separators included, and stays JSON', () => {
    const entry = { msg: 'audit', jobId: 'a\u001b\n\u009b\u0085\u2028b' };
    const line = toLogLine(entry, new Date('2026-01-01T00:00:00Z'));
    expect(line).not.toMatch(/[\p{Cc}\u2028\u2029]/u);
    expect(JSON.parse(line)).toEqual({ time: '2026-01-01T00:00:00.000Z', ...entry });
  });
});

describe('illFormedStringPaths', () => {
  it('names every value and key holding a lone surrogate, and passes paired ones', () => {
    expect(
      illFormedStringPaths({
        fileName: '\uD800.csv',
        ok: 'emoji \uD83D\uDE00',
        rows: [{ id: 'fine' }, { id: 'tail \uDC00' }],
        ['\uDBFF']: 1,
      }),
    ).toEqual(['fileName', 'rows.1.id', '(key)']);
    expect(illFormedStringPaths({ a: ['b', 1, null, true] })).toEqual([]);
  });
});
