import { describe, expect, it } from 'vitest';
import { convertAll } from '../../../../src/core/convert/convert-all';
import { DEFAULT_OPTIONS } from './support/fixture-cases';

function convertedEtag(cell: string): unknown {
  const csv = `deviceId,importMode,eTag\nd,deleteIfMatchETag,"${cell.replace(/"/g, '""')}"\n`;
  const { output } = convertAll(csv, DEFAULT_OPTIONS);
  return (JSON.parse(output) as Record<string, unknown>).eTag;
}

// The converter reads an eTag cell by the hub's rule (core/model/unquote-etag.ts), so the line it
// writes means what the plan and the emulator make of the cell.
describe('eTag cells', () => {
  it.each([
    ['"MA=="', 'MA=='],
    [' "MA==" ', 'MA=='],
    ['MA==', 'MA=='],
    ['"MA==', '"MA=='],
    ['MA=="', 'MA=="'],
  ])('writes the cell %j as the eTag %j', (cell, expected) => {
    expect(convertedEtag(cell)).toBe(expected);
  });
});
