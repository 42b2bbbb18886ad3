import { describe, expect, it } from 'vitest';
import { countErrorLines } from '../../../../src/proxy/operations/count-error-lines';

async function* pieces(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

describe('countErrorLines', () => {
  it.each([
    ['', 0],
    ['\n\n', 0],
    ['{"errorCode":409001}\n', 1],
    ['{"a":1}\n{"b":2}', 2],
    ['{"a":1}\r\n \r\n{"b":2}\r\n', 2],
  ])('counts the lines holding something in %j as %i, whatever the chunking', async (text, n) => {
    for (const size of [1, 2, 7, 1024]) expect(await countErrorLines(pieces(text, size))).toBe(n);
  });
});
