// The one loop that reads a streamed response body (an export's devices.txt, an error log, a file
// read back line by line): the next network chunk is read only once the sink has taken the last
// one, so a slow sink holds the stream back instead of queueing bytes in memory. A sink that
// throws, or an abort, cancels the stream at once; a sink that answers `false` stops reading
// without an error (the rest is not wanted).

export interface StreamBytesOptions {
  /** Stops before the next chunk: the stream is cancelled and the signal's reason thrown. */
  signal?: AbortSignal;
}

export type BytesSink = (bytes: Uint8Array) => void | boolean | Promise<void | boolean>;

export async function readStreamBytes(
  body: ReadableStream<Uint8Array>,
  onBytes: BytesSink,
  options: StreamBytesOptions = {},
): Promise<void> {
  const reader = body.getReader();
  try {
    for (;;) {
      options.signal?.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) return;
      if ((await onBytes(value)) === false) {
        await reader.cancel().catch(() => undefined);
        return;
      }
    }
  } catch (error) {
    // The server may still be sending: stop it rather than leave the connection draining.
    await reader.cancel(error).catch(() => undefined);
    throw error;
  } finally {
    reader.releaseLock();
  }
}
