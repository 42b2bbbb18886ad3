import { describe, expect, it } from 'vitest';
import { unquoteEtag } from '../../../../src/core/model/unquote-etag';

describe('unquoteEtag', () => {
  it.each([
    ['"MA=="', 'MA=='],
    ['MA==', 'MA=='],
    ['  "MA=="  ', 'MA=='],
    [' MA== ', 'MA=='],
    ['""', ''],
    ['"', '"'],
    ['"MA==', '"MA=='],
    ['MA=="', 'MA=="'],
    ['""MA==""', '"MA=="'],
  ])('reads %j as %j', (input, expected) => {
    expect(unquoteEtag(input)).toBe(expected);
  });
});
