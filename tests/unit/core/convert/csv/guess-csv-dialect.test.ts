import { describe, expect, it } from 'vitest';
import { guessCsvDialect } from '../../../../../src/core/convert/csv/guess-csv-dialect';

describe('guessCsvDialect', () => {
  it.each([
    ['id,primaryKey\nd1,k\n', ',', '\n'],
    ['id;primaryKey;x\r\nd1;k;1\r\n', ';', '\r\n'],
    ['id\tprimaryKey\nd1\tk\n', '\t', '\n'],
    ['id|primaryKey\rd1|k\r', '|', '\r'],
    // More semicolons than commas on the header line, but only commas split every row alike.
    ['deviceId,primaryKey,"note;a;b;c"\nd1,k,x\n', ',', '\n'],
  ])('reads %j as delimiter %j and line break %j', (text, delimiter, newline) => {
    expect(guessCsvDialect(text, true)).toEqual({ delimiter, newline });
  });

  it('waits for two whole lines and enough text before guessing, unless the text is all there', () => {
    expect(guessCsvDialect('id,primaryKey\nd1', false, 8)).toBeUndefined();
    expect(guessCsvDialect('id,primaryKey\nd1,k\n', false, 8)).toEqual({
      delimiter: ',',
      newline: '\n',
    });
    expect(guessCsvDialect('id,primaryKey\nd1,k\n', false)).toBeUndefined();
    expect(guessCsvDialect('id', true)).toEqual({ delimiter: ',', newline: '\n' });
  });
});
