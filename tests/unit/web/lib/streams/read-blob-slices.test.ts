import { describe, expect, it } from 'vitest';
import { readBlobSlices } from '../../../../../src/web/lib/streams/read-blob-slices';

// The Blob slicing loop under a slow consumer, a cancel and a failing read, with the number of
// slices held or being read counted on a Blob that reports every read it serves.

interface Counting {
  blob: Blob;
  /** The most slices being read, or read and not yet released by the consumer, at once. */
  peak(): number;
  reads(): number;
  release(): void;
}

/** A Blob whose slices count as live from the read until the consumer calls `release`. */
function countingBlob(size: number, failAt?: number): Counting {
  const real = new Blob([new Uint8Array(size).map((_, i) => i % 251)]);
  let live = 0;
  let peak = 0;
  let reads = 0;
  const blob = Object.create(real) as Blob;
  Object.defineProperty(blob, 'size', { value: real.size });
  Object.defineProperty(blob, 'slice', {
    value: (start: number, end: number) => ({
      arrayBuffer: async () => {
        reads += 1;
        live += 1;
        peak = Math.max(peak, live);
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (failAt !== undefined && start >= failAt) throw new Error('NotReadableError');
        return real.slice(start, end).arrayBuffer();
      },
    }),
  });
  return {
    blob,
    peak: () => peak,
    reads: () => reads,
    release: () => {
      live -= 1;
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('readBlobSlices', () => {
  it('gives every byte once, in order, with offsets and ends', async () => {
    const blob = new Blob(['abcdefghij']);
    const seen: string[] = [];
    const ends: number[] = [];
    for await (const slice of readBlobSlices(blob, { sliceBytes: 3, readAhead: 2 })) {
      seen.push(new TextDecoder().decode(slice.bytes));
      ends.push(slice.end);
      expect(slice.end - slice.offset).toBe(slice.bytes.length);
    }
    expect(seen.join('')).toBe('abcdefghij');
    expect(ends).toEqual([3, 6, 9, 10]);
  });

  it('gives nothing for an empty blob', async () => {
    const slices = [];
    for await (const slice of readBlobSlices(new Blob([]), { sliceBytes: 4 })) slices.push(slice);
    expect(slices).toEqual([]);
  });

  it('never holds more than 1 + readAhead slices under a slow consumer', async () => {
    for (const readAhead of [0, 1, 3]) {
      const counting = countingBlob(64);
      let slices = 0;
      for await (const slice of readBlobSlices(counting.blob, { sliceBytes: 4, readAhead })) {
        void slice;
        slices += 1;
        await sleep(5);
        counting.release();
      }
      expect(slices).toBe(16);
      expect(counting.peak(), `readAhead ${readAhead}`).toBe(1 + readAhead);
    }
  });

  it('stops reading when the consumer stops, and on an abort with its reason', async () => {
    const counting = countingBlob(64);
    for await (const slice of readBlobSlices(counting.blob, { sliceBytes: 4, readAhead: 1 })) {
      void slice;
      break;
    }
    expect(counting.reads()).toBe(2);

    const abort = new AbortController();
    const seen: number[] = [];
    const reading = (async () => {
      for await (const slice of readBlobSlices(new Blob(['x'.repeat(64)]), {
        sliceBytes: 4,
        signal: abort.signal,
      })) {
        seen.push(slice.end);
        if (seen.length === 2) abort.abort(new Error('cancelled by the admin'));
      }
    })();
    await expect(reading).rejects.toThrow('cancelled by the admin');
    expect(seen).toEqual([4, 8]);
  });

  it('throws a failed read mid-way as the caller names it, after the slices before it', async () => {
    const counting = countingBlob(64, 20);
    const seen: number[] = [];
    const reading = (async () => {
      for await (const slice of readBlobSlices(counting.blob, {
        sliceBytes: 4,
        readAhead: 2,
        readError: (error) => new Error(`unreadable: ${(error as Error).message}`),
      }))
        seen.push(slice.end);
    })();
    await expect(reading).rejects.toThrow('unreadable: NotReadableError');
    expect(seen).toEqual([4, 8, 12, 16, 20]);
  });
});
