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

// Each slot's two hashes and row sit side by side (stride 4, 16 bytes, always in one cache line):
// at a million rows the table is far bigger than the CPU caches, and three parallel arrays cost
// three cache misses per probe instead of one.
const STRIDE = 4;

export class DuplicateIndex {
  private capacity = 1 << 16;
  private slots = new Int32Array(this.capacity * STRIDE);
  private size = 0;
  private readonly scratch = new Int32Array(2);

  /** Records `row` for the key and returns 0, or returns the first row that had the same key. */
  firstRowOrAdd(id: string, moduleId: string | undefined, row: number): number {
    hashPair(id, moduleId, this.scratch);
    const a = this.scratch[0]!;
    const b = this.scratch[1]!;
    const slots = this.slots;
    const mask = this.capacity - 1;
    for (let slot = a & mask; ; slot = (slot + 1) & mask) {
      const at = slot * STRIDE;
      const existing = slots[at + 2]!;
      if (existing === EMPTY) {
        slots[at] = a;
        slots[at + 1] = b;
        slots[at + 2] = row;
        if (++this.size * 2 > this.capacity) this.grow();
        return 0;
      }
      if (slots[at] === a && slots[at + 1] === b) return existing;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.capacity *= 2;
    const slots = new Int32Array(this.capacity * STRIDE);
    const mask = this.capacity - 1;
    for (let from = 0; from < old.length; from += STRIDE) {
      if (old[from + 2] === EMPTY) continue;
      let slot = old[from]! & mask;
      while (slots[slot * STRIDE + 2] !== EMPTY) slot = (slot + 1) & mask;
      const to = slot * STRIDE;
      slots[to] = old[from]!;
      slots[to + 1] = old[from + 1]!;
      slots[to + 2] = old[from + 2]!;
    }
    this.slots = slots;
  }
}
