import { describe, expect, it } from 'vitest';
import { escapeCsvCell, toCsvBlob, toCsvLine } from '../../../../src/web/lib/csv-escape';

describe('escapeCsvCell', () => {
  it("writes a string through core's cell writer (guard and quotes)", () => {
    expect(escapeCsvCell('=SUM(A1,A2)')).toBe(`"'=SUM(A1,A2)"`);
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
