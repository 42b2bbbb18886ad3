import { describe, expect, it } from 'vitest';
import { decodedBase64Length } from '../../../../src/core/convert/base64';

describe('decodedBase64Length', () => {
  it.each([
    ['QQ==', 1],
    ['QUI=', 2],
    ['QUJD', 3],
    ['QUJDRA==', 4],
    ['QUJD+/==', 4],
  ])('gives the decoded length of %s', (value, bytes) => {
    expect(decodedBase64Length(value)).toBe(bytes);
  });

  it.each([
    ['', 'empty'],
    ['QUJDRA=', 'a length that is not a multiple of 4'],
    ['Q===', 'three padding characters'],
    ['=QQ=', 'padding at the start'],
    ['QQ=A', 'a character after the padding'],
    ['QU=DRA==', 'padding in the middle'],
    ['QUJD-A==', 'the URL-safe alphabet'],
    ['QUJD A==', 'a space'],
    ['QUJDé===', 'a non-ASCII character'],
  ])('refuses %j (%s)', (value) => {
    expect(decodedBase64Length(value)).toBe(-1);
  });
});
