import { describe, expect, it } from 'vitest';
import { convertAll } from '../../../../src/core/convert/convert-all';
import { DEFAULT_OPTIONS } from './support/fixture-cases';

function inChunks(text: string, size: number): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  return chunks;
}

describe('CSV delimiter guessing', () => {
  // Found by the property test: with the guess made on "header, row 1, a few bytes of row 2", the
  // cut-off row made papaparse prefer "|" (which appears in a quoted cell) over ",".
  it('guesses from whole lines, so a line cut off by the detection window cannot mislead it', () => {
    const csv =
      'deviceId,status,primaryKey,secondaryKey,tags.site,desired.n\r\nA,enabled,,,"||",0\r\n:,enabled,AAAAAAAAAAAAAAAAAAAAAA==,AAAAAAAAAAAAAAAAAAAAAA==,,0\r\n';
    const whole = convertAll(csv, DEFAULT_OPTIONS);
    expect(whole.report).toMatchObject({ total: 2, valid: 2 });
    for (const size of [1, 3, 4, 7, 16]) {
      const chunked = convertAll(inChunks(csv, size), DEFAULT_OPTIONS, { detectChars: 1 });
      expect(chunked.output, `chunks of ${size} bytes`).toBe(whole.output);
    }
  });
});
