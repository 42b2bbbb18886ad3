// Bytes made piece by piece (a batch of job lines, a batch of undo lines) go into the browser's
// blob store a few MB at a time instead of living as a million strings on the worker's heap.
const FOLD_BYTES = 4 * 1024 * 1024;

export interface BlobCollector {
  add(bytes: Uint8Array<ArrayBuffer>): void;
  finish(): Blob;
}

export function createBlobCollector(type = 'application/x-ndjson'): BlobCollector {
  const parts: Blob[] = [];
  let pending: Uint8Array<ArrayBuffer>[] = [];
  let pendingBytes = 0;
  const fold = (): void => {
    if (pending.length === 0) return;
    parts.push(new Blob(pending));
    pending = [];
    pendingBytes = 0;
  };
  return {
    add(bytes) {
      if (bytes.byteLength === 0) return;
      pending.push(bytes);
      pendingBytes += bytes.byteLength;
      if (pendingBytes >= FOLD_BYTES) fold();
    },
    finish() {
      fold();
      return new Blob(parts, { type });
    },
  };
}
