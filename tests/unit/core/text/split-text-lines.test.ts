import { describe, expect, it } from 'vitest';
import { createLineSplitter, isBlankLine } from '../../../../src/core/text/split-text-lines';

function split(chunks: string[], maxLineChars?: number): [string, number][] {
  const out: [string, number][] = [];
  const splitter = createLineSplitter(
    (text, line) => out.push([text, line]),
    maxLineChars === undefined ? {} : { maxLineChars },
  );
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

  it('gives the same lines however the text is cut into chunks', () => {
    const text = '\ufeffa\r\n\nbc\r\nd\n\r\nlast';
    const whole = split([text]);
    for (let cut = 0; cut <= text.length; cut++)
      expect(split([text.slice(0, cut), text.slice(cut)]), `cut at ${cut}`).toEqual(whole);
    expect(split([...text])).toEqual(whole);
  });

  it('keeps only the first maxLineChars characters of a longer line, inside a chunk or across', () => {
    const long = 'x'.repeat(50);
    const expected: [string, number][] = [
      ['x'.repeat(16), 1],
      ['next', 2],
    ];
    expect(split([`${long}\nnext`], 16)).toEqual(expected);
    expect(split([long.slice(0, 10), long.slice(10), '\nnext\n'], 16)).toEqual(expected);
  });

  it('treats only spaces, tabs and CRs as blank', () => {
    expect(isBlankLine(' \t\r')).toBe(true);
    expect(isBlankLine(' x')).toBe(false);
  });
});
