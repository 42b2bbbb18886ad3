// A loop that reads a streamed response body as text (the retry file built from an export): the
// next network chunk is read only once the sink has taken the last one, so a slow sink holds the
// stream back instead of queueing text in memory, and a sink that throws or an abort cancels the
// stream at once.

export interface StreamTextOptions {
  /** Stops before the next chunk: the stream is cancelled and the signal's reason thrown. */
  signal?: AbortSignal;
}

/** Decodes `body` as UTF-8 (a character cut by a chunk is joined) and hands the text to `onText`. */
export async function readStreamText(
  body: ReadableStream<Uint8Array>,
  onText: (text: string) => void | Promise<void>,
  options: StreamTextOptions = {},
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  try {
    for (;;) {
      options.signal?.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) break;
      await onText(decoder.decode(value, { stream: true }));
    }
    const tail = decoder.decode();
    if (tail.length > 0) await onText(tail);
  } catch (error) {
    // The server may still be sending: stop it rather than leave the connection draining.
    await reader.cancel(error).catch(() => undefined);
    throw error;
  } finally {
    reader.releaseLock();
  }
}
