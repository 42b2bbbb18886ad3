// The one loop that reads a Blob or File in slices (the conversion, the plan, the diff): a
// million-line file is never one buffer, and the memory it takes is bounded by the slice size and
// the read-ahead, whatever the file's size or the consumer's speed.

export interface BlobSlice {
  bytes: Uint8Array<ArrayBuffer>;
  /** Where the slice starts in the blob. */
  offset: number;
  /** Where it ends (exclusive): the bytes read so far once it is handled. */
  end: number;
}

export interface BlobSliceOptions {
  sliceBytes: number;
  /**
   * Slices read while the consumer handles the current one: the read is the browser's I/O, so it
   * overlaps the work for free. At most `1 + readAhead` slices are held or being read at once.
   * Default 0.
   */
  readAhead?: number;
  /** Stops before the next slice: the loop throws the signal's reason. */
  signal?: AbortSignal;
  /** What a failed read becomes (the file changed or vanished after it was picked). */
  readError?: (error: unknown) => Error;
}

/**
 * The blob's bytes slice by slice, in order. The next slice is asked for only when the consumer
 * takes the current one (for-await pulls), so a slow consumer slows the reading down instead of
 * piling slices up.
 */
export async function* readBlobSlices(
  blob: Blob,
  options: BlobSliceOptions,
): AsyncGenerator<BlobSlice, void, undefined> {
  const { sliceBytes, readAhead = 0, signal } = options;
  if (!(sliceBytes > 0)) throw new RangeError('sliceBytes must be positive');
  const read = (offset: number): Promise<BlobSlice> => {
    const end = Math.min(offset + sliceBytes, blob.size);
    const bytes = blob
      .slice(offset, end)
      .arrayBuffer()
      .then(
        (buffer) => ({ bytes: new Uint8Array(buffer), offset, end }),
        (error: unknown) => {
          throw options.readError ? options.readError(error) : error;
        },
      );
    // A read-ahead the consumer never takes (it stopped, or an earlier read failed) must not end
    // as an unhandled rejection; the one taken is awaited below and still throws.
    bytes.catch(() => undefined);
    return bytes;
  };
  const queue: Promise<BlobSlice>[] = [];
  let nextOffset = 0;
  const fill = (): void => {
    while (queue.length < 1 + readAhead && nextOffset < blob.size) {
      queue.push(read(nextOffset));
      nextOffset += sliceBytes;
    }
  };
  for (fill(); queue.length > 0; fill()) {
    signal?.throwIfAborted();
    const slice = await (queue.shift() as Promise<BlobSlice>);
    signal?.throwIfAborted();
    yield slice;
  }
}
