import { describe, expect, it } from 'vitest';
import { readStreamBytes } from '../../../../../src/web/lib/streams/read-stream-bytes';

// The one streamed-body loop, against a real ReadableStream that counts what it was asked for:
// one chunk in flight under a slow sink, a sink that answers false stops and cancels quietly, a
// sink that throws or an abort cancels and rethrows.

function source(count: number) {
  let pulls = 0;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulls++ >= count) controller.close();
        else controller.enqueue(new Uint8Array([pulls]));
      },
      cancel() {
        cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { body, pulls: () => pulls, cancelled: () => cancelled };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('readStreamBytes', () => {
  it('hands every chunk in order, asking for the next only once a slow sink took the last', async () => {
    const stream = source(6);
    const seen: number[] = [];
    await readStreamBytes(stream.body, async (bytes) => {
      seen.push(bytes[0] ?? -1);
      expect(stream.pulls()).toBeLessThanOrEqual(seen.length + 1);
      await sleep(2);
    });
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
    expect(stream.cancelled()).toBe(false);
  });

  it('stops without an error, cancelling the stream, when the sink answers false', async () => {
    const stream = source(10);
    let taken = 0;
    await readStreamBytes(stream.body, () => ++taken < 3);
    expect(taken).toBe(3);
    expect(stream.cancelled()).toBe(true);
    expect(stream.pulls()).toBeLessThanOrEqual(4);
  });

  it('cancels the stream and rethrows when the sink throws', async () => {
    const stream = source(10);
    const failure = new Error('sink broke');
    await expect(
      readStreamBytes(stream.body, () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(stream.cancelled()).toBe(true);
  });

  it('stops before the next chunk once the signal is aborted', async () => {
    const stream = source(10);
    const abort = new AbortController();
    let taken = 0;
    const read = readStreamBytes(
      stream.body,
      () => {
        if (++taken === 2) abort.abort(new Error('cancelled by the admin'));
      },
      { signal: abort.signal },
    );
    await expect(read).rejects.toThrow('cancelled by the admin');
    expect(taken).toBe(2);
    expect(stream.cancelled()).toBe(true);
  });
});
