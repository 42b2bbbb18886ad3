// The import NDJSON is written into UTF-8 bytes as the rows are converted. Joining a whole chunk's
// line strings and encoding the result cost more than parsing the CSV: the lines lived until the
// chunk was joined, long enough for the GC to copy them, and the joined text was then encoded once
// more for the file or the Blob. Here lines are joined and encoded a few dozen at a time and die
// young. A charCodeAt loop writing bytes was slower still (the cells are sliced strings, which V8
// unwraps on every charCodeAt), as were per-line encodeInto calls.

const MIN_CAPACITY = 64 * 1024;
// Lines are joined and encoded a few dozen at a time: one encodeInto call per batch instead of per
// line, while the joined string stays small enough for V8's young generation (one past ~128 KB
// goes to large-object space, which made 1,024-line batches slower than single lines).
const BATCH_CHARS = 24 * 1024;
const encoder = new TextEncoder();

/** A growable byte buffer that hands out what it holds, chunk by chunk. */
export class OutputBytes {
  private buffer: Uint8Array<ArrayBuffer>;
  private position = 0;
  private readonly pending: string[] = [];
  private pendingLength = 0;

  constructor(capacity = MIN_CAPACITY) {
    this.buffer = new Uint8Array(Math.max(capacity, MIN_CAPACITY));
  }

  get length(): number {
    return this.position + this.pendingLength;
  }

  /** Appends `text` as UTF-8; lone surrogates become U+FFFD (what TextEncoder writes). */
  text(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= BATCH_CHARS) this.encodePending();
  }

  private encodePending(): void {
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending.length = 0;
    this.pendingLength = 0;
    // Three bytes per UTF-16 unit is the worst case, so encodeInto never runs out of room.
    if (this.position + text.length * 3 > this.buffer.length) this.grow(text.length * 3);
    this.position += encoder.encodeInto(text, this.buffer.subarray(this.position)).written;
  }

  /** Hands out the bytes written since the last take and starts a fresh buffer of the same size. */
  take(): Uint8Array<ArrayBuffer> {
    this.encodePending();
    const taken = this.buffer.subarray(0, this.position);
    this.buffer = new Uint8Array(this.buffer.length);
    this.position = 0;
    return taken;
  }

  /** Forgets the bytes written since the last take (output that will not be used). */
  clear(): void {
    this.position = 0;
    this.pending.length = 0;
    this.pendingLength = 0;
  }

  private grow(needed: number): void {
    let capacity = this.buffer.length * 2;
    while (capacity < this.position + needed) capacity *= 2;
    const bigger = new Uint8Array(capacity);
    bigger.set(this.buffer.subarray(0, this.position));
    this.buffer = bigger;
  }
}
