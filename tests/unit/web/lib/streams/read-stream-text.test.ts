import { describe, expect, it } from 'vitest';
import { readStreamText } from '../../../../../src/web/lib/streams/read-stream-text';

// The streamed-body loop against a real ReadableStream that counts what it was asked for: the
// text decoded whole across chunk cuts, one chunk in flight under a slow sink, and the stream
// cancelled when the sink fails or the admin cancels.

interface Source {
  body: ReadableStream<Uint8Array>;
  pulls(): number;
  cancelled(): unknown;
}

/** A stream of `chunks` that produces one only when asked (no queue of its own). */
function source(chunks: Uint8Array[]): Source {
  let pulls = 0;
  let cancelled: unknown = undefined;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const chunk = chunks[pulls++];
        if (chunk === undefined) controller.close();
        else controller.enqueue(chunk);
      },
      cancel(reason) {
        cancelled = reason ?? 'cancelled';
      },
    },
    { highWaterMark: 0 },
  );
  return { body, pulls: () => pulls, cancelled: () => cancelled };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('readStreamText', () => {
  it('joins a character cut between chunks', async () => {
    const bytes = new TextEncoder().encode('Straße ✓ 𝄞 end');
    const chunks = Array.from(bytes, (byte) => new Uint8Array([byte]));
    let text = '';
    await readStreamText(source(chunks).body, (part) => void (text += part));
    expect(text).toBe('Straße ✓ 𝄞 end');
  });

  it('asks for the next chunk only once a slow sink has taken the last', async () => {
    const chunks = Array.from({ length: 8 }, (_, i) => new TextEncoder().encode(`${i}`));
    const stream = source(chunks);
    let taken = 0;
    await readStreamText(stream.body, async () => {
      taken += 1;
      expect(stream.pulls()).toBeLessThanOrEqual(taken + 1);
      await sleep(3);
    });
    expect(taken).toBe(8);
  });

  it('cancels the stream and rethrows when the sink fails mid-way', async () => {
    const stream = source(Array.from({ length: 8 }, () => new TextEncoder().encode('x')));
    let taken = 0;
    const failure = new Error('sink broke');
    await expect(
      readStreamText(stream.body, () => {
        if (++taken === 3) throw failure;
      }),
    ).rejects.toBe(failure);
    expect(stream.cancelled()).toBe(failure);
    expect(stream.pulls()).toBeLessThanOrEqual(4);
  });

  it('stops on an abort with its reason and cancels the stream', async () => {
    const stream = source(Array.from({ length: 8 }, () => new TextEncoder().encode('x')));
    const abort = new AbortController();
    let taken = 0;
    const reason = new Error('cancelled by the admin');
    await expect(
      readStreamText(
        stream.body,
        () => {
          if (++taken === 2) abort.abort(reason);
        },
        { signal: abort.signal },
      ),
    ).rejects.toBe(reason);
    expect(taken).toBe(2);
    expect(stream.cancelled()).toBe(reason);
  });
});
