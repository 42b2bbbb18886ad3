import { describe, expect, it } from 'vitest';
import { escapeCsvCell, toCsvBlob, toCsvLine } from '../../../../src/web/lib/csv-escape';

describe('escapeCsvCell', () => {
  it.each(['=SUM(A1:A2)', '+1', '-1+2', '@cmd', '\tx', '\rx'])(
    'neutralises the formula-looking cell %j with an apostrophe',
    (cell) => {
      expect(escapeCsvCell(cell).replace(/^"/, '').startsWith("'")).toBe(true);
    },
  );

  it('quotes cells with commas, quotes and line breaks, doubling quotes', () => {
    expect(escapeCsvCell('a,b')).toBe('"a,b"');
    expect(escapeCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(escapeCsvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('keeps negative numbers as numbers (only strings are formula risks)', () => {
    expect(escapeCsvCell(-5)).toBe('-5');
  });

  it('writes empty cells for null and undefined', () => {
    expect(toCsvLine(['a', null, undefined, 3])).toBe('a,,,3');
  });

  it('builds a CSV blob with a header and CRLF rows', async () => {
    const blob = toCsvBlob(
      ['id', 'code'],
      [
        ['dev-1', 409001],
        ['=evil', 404001],
      ],
    );
    expect(await blob.text()).toBe("id,code\r\ndev-1,409001\r\n'=evil,404001\r\n");
  });
});
