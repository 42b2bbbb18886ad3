// First-row index of every id (+ moduleId) seen, for DUPLICATE_ID. A Map of a million strings
// cost about a fifth of the conversion's CPU (mostly GC marking) and ~125 MB at 1M rows, so keys
// are kept as two independent 32-bit hashes in typed arrays, which the GC never scans. Two
// different keys match only if both hashes collide: for n keys the chance of any false duplicate
// is about n^2 / 2^65 (3e-8 for a million rows).
const EMPTY = 0;

// FNV-1a and a murmur-style multiply-xorshift over the same characters; the module id follows a
// separator outside the UTF-16 range so (a, bc) and (ab, c) differ.
function hashPair(id: string, moduleId: string | undefined, out: Int32Array): void {
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0x9747b28c | 0;
  const total = moduleId === undefined ? id.length : id.length + 1 + moduleId.length;
  for (let i = 0; i < total; i++) {
    const c = i < id.length ? id.charCodeAt(i) : i === id.length ? 0x10000 : moduleId!.charCodeAt(i - id.length - 1);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  out[0] = h1 ^ (h1 >>> 13);
  out[1] = Math.imul(h2 ^ (h2 >>> 16), 0x85ebca6b) ^ total;
}

export class DuplicateIndex {
  private capacity = 1 << 16;
  private h1 = new Int32Array(this.capacity);
  private h2 = new Int32Array(this.capacity);
  private rows = new Int32Array(this.capacity);
  private size = 0;
  private readonly scratch = new Int32Array(2);

  /** Records `row` for the key and returns 0, or returns the first row that had the same key. */
  firstRowOrAdd(id: string, moduleId: string | undefined, row: number): number {
    hashPair(id, moduleId, this.scratch);
    const a = this.scratch[0]!;
    const b = this.scratch[1]!;
    const mask = this.capacity - 1;
    for (let slot = a & mask; ; slot = (slot + 1) & mask) {
      const existing = this.rows[slot]!;
      if (existing === EMPTY) {
        this.h1[slot] = a;
        this.h2[slot] = b;
        this.rows[slot] = row;
        if (++this.size * 2 > this.capacity) this.grow();
        return 0;
      }
      if (this.h1[slot] === a && this.h2[slot] === b) return existing;
    }
  }

  private grow(): void {
    const { h1, h2, rows } = this;
    this.capacity *= 2;
    this.h1 = new Int32Array(this.capacity);
    this.h2 = new Int32Array(this.capacity);
    this.rows = new Int32Array(this.capacity);
    const mask = this.capacity - 1;
    for (let i = 0; i < rows.length; i++) {
      if (rows[i] === EMPTY) continue;
      let slot = h1[i]! & mask;
      while (this.rows[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.h1[slot] = h1[i]!;
      this.h2[slot] = h2[i]!;
      this.rows[slot] = rows[i]!;
    }
  }
}
