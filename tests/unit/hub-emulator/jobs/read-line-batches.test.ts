import { describe, expect, it } from 'vitest';
import {
  readLineBatches,
  type LineBatch,
} from '../../../../src/hub-emulator/jobs/read-line-batches';

async function collect(chunks: string[], start = 0, size = 2): Promise<LineBatch[]> {
  async function* stream(): AsyncGenerator<Buffer> {
    for (const chunk of chunks) yield Buffer.from(chunk);
  }
  const batches: LineBatch[] = [];
  for await (const batch of readLineBatches(stream(), start, () => size)) batches.push(batch);
  return batches;
}

describe('readLineBatches', () => {
  it('splits LF and CRLF lines across chunk boundaries and reports byte offsets', async () => {
    const batches = await collect(['{"a":1}\r\n{"b"', ':2}\n{"c":3}\r', '\n{"d":4}']);
    expect(batches).toEqual([
      { lines: ['{"a":1}', '{"b":2}'], endOffset: 17 },
      { lines: ['{"c":3}', '{"d":4}'], endOffset: 33 },
    ]);
  });

  it('keeps a multi-byte character split between chunks intact', async () => {
    const bytes = Buffer.from('{"n":"é"}\n');
    async function* stream(): AsyncGenerator<Buffer> {
      yield bytes.subarray(0, 7);
      yield bytes.subarray(7);
    }
    const batches: LineBatch[] = [];
    for await (const batch of readLineBatches(stream(), 0, () => 10)) batches.push(batch);
    expect(batches[0]?.lines).toEqual(['{"n":"é"}']);
  });

  it('drops a BOM only at the start of the blob and skips blank lines', async () => {
    const batches = await collect(['\uFEFF{"a":1}\n\n   \n{"b":2}\n'], 0, 10);
    expect(batches[0]?.lines).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('counts offsets from the resume position', async () => {
    const batches = await collect(['{"x":1}\n'], 100, 10);
    expect(batches).toEqual([{ lines: ['{"x":1}'], endOffset: 108 }]);
  });
});
