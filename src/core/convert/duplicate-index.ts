// First line of every id (+ moduleId) seen, for DUPLICATE_ID. A Map of a million strings
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
    const c =
      i < id.length
        ? id.charCodeAt(i)
        : i === id.length
          ? 0x10000
          : moduleId!.charCodeAt(i - id.length - 1);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  out[0] = h1 ^ (h1 >>> 13);
  out[1] = Math.imul(h2 ^ (h2 >>> 16), 0x85ebca6b) ^ total;
}

// The probed table holds 8 bytes a slot: h1 and the entry's insertion number. h2 and the line are
// kept in insertion order, read only when h1 matches. At a million rows the table is far bigger
// than the CPU caches, so what costs is touching it: one cache line per insert, and half the memory
// of a table holding all three values.
export class DuplicateIndex {
  private capacity = 1 << 16;
  /** Per slot: h1, then the entry's number + 1 (0 = empty). */
  private slots = new Int32Array(this.capacity * 2);
  private h2s = new Int32Array(this.capacity / 2);
  private lines = new Int32Array(this.capacity / 2);
  private size = 0;
  private readonly scratch = new Int32Array(2);

  /**
   * Records `line` (never 0) for the key and returns 0, or returns the line that first had the
   * same key.
   */
  firstLineOrAdd(id: string, moduleId: string | undefined, line: number): number {
    hashPair(id, moduleId, this.scratch);
    const a = this.scratch[0]!;
    const b = this.scratch[1]!;
    const slots = this.slots;
    const mask = this.capacity - 1;
    for (let slot = a & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot * 2 + 1]!;
      if (entry === EMPTY) {
        if (this.size >= this.h2s.length) this.grow();
        return this.insert(a, b, line);
      }
      if (slots[slot * 2] === a && this.h2s[entry - 1] === b) return this.lines[entry - 1]!;
    }
  }

  private insert(a: number, b: number, line: number): 0 {
    const entry = this.size++;
    this.h2s[entry] = b;
    this.lines[entry] = line;
    this.place(this.slots, this.capacity - 1, a, entry + 1);
    return 0;
  }

  private place(slots: Int32Array, mask: number, a: number, entry: number): void {
    let slot = a & mask;
    while (slots[slot * 2 + 1] !== EMPTY) slot = (slot + 1) & mask;
    slots[slot * 2] = a;
    slots[slot * 2 + 1] = entry;
  }

  // Doubles the table at half load, so probes stay short.
  private grow(): void {
    const old = this.slots;
    this.capacity *= 2;
    const slots = new Int32Array(this.capacity * 2);
    for (let at = 0; at < old.length; at += 2) {
      if (old[at + 1] !== EMPTY) this.place(slots, this.capacity - 1, old[at]!, old[at + 1]!);
    }
    this.slots = slots;
    const h2s = new Int32Array(this.capacity / 2);
    h2s.set(this.h2s);
    this.h2s = h2s;
    const lines = new Int32Array(this.capacity / 2);
    lines.set(this.lines);
    this.lines = lines;
  }
}
