import { describe, expect, it } from 'vitest';
import { createLineSplitter, isBlankLine } from '../../../../src/core/plan/split-text-lines';

function split(chunks: string[]): [string, number][] {
  const out: [string, number][] = [];
  const splitter = createLineSplitter((text, line) => out.push([text, line]));
  for (const chunk of chunks) splitter.push(chunk);
  splitter.end();
  return out;
}

describe('splitting text into numbered lines', () => {
  it('ends lines at LF and CRLF and drops a leading byte-order mark', () => {
    expect(split(['\ufeffa\r\nb\nc'])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
  });

  it('joins a line cut by a chunk seam, a CR left at the end of a chunk included', () => {
    expect(split(['ab', 'c\r', '\nd', 'e\n'])).toEqual([
      ['abc', 1],
      ['de', 2],
    ]);
  });

  it('keeps blank lines so numbers stay physical', () => {
    expect(split(['a\n\n \nb\n'])).toEqual([
      ['a', 1],
      ['', 2],
      [' ', 3],
      ['b', 4],
    ]);
  });

  it('treats only spaces, tabs and CRs as blank', () => {
    expect(isBlankLine(' \t\r')).toBe(true);
    expect(isBlankLine(' x')).toBe(false);
  });
});
