type TypedColumn = Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Int32Array<ArrayBuffer>;

/**
 * One number per record in a typed array that doubles when full: a million records cost a few
 * megabytes and no per-record objects, which keeps the worker's heap and its scans small.
 */
export class GrowableColumn<T extends TypedColumn> {
  private data: T;
  length = 0;

  constructor(
    private readonly make: (capacity: number) => T,
    capacity = 1024,
  ) {
    this.data = make(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  at(index: number): number {
    return this.data[index] ?? 0;
  }

  /** The filled part, sharing memory with the column (valid until the next push). */
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }

  clear(): void {
    this.length = 0;
  }
}

export const int32Column = (capacity?: number) =>
  new GrowableColumn((n) => new Int32Array(n), capacity);
export const uint8Column = (capacity?: number) =>
  new GrowableColumn((n) => new Uint8Array(n), capacity);
export const uint16Column = (capacity?: number) =>
  new GrowableColumn((n) => new Uint16Array(n), capacity);
