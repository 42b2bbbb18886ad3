import { describe, expect, it } from 'vitest';
import { csvCell } from '../../../../../src/core/convert/csv/csv-cell';

describe('csvCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+dev', "'+dev"],
    ['-dev-dash', "'-dev-dash"],
    ['@sum', "'@sum"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['plain', 'plain'],
    ['', ''],
  ])('writes cell %j as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("quotes by the file's own delimiter", () => {
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('a,b', ';')).toBe('a,b');
    expect(csvCell('a\tb', '\t')).toBe('"a\tb"');
    expect(csvCell('=x;y', ';')).toBe(`"'=x;y"`);
  });
});
