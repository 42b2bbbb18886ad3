import { createSnapshotBuilder } from '../../../core/registry';
import type { RegistrySnapshot } from '../../../core/registry';

// 4 MiB slices: few progress messages, and never more than one slice of text in memory at once.
const SLICE = 4 * 1024 * 1024;

export interface SnapshotProgress {
  bytesRead: number;
  totalBytes: number;
  records: number;
}

/** Reads an export (or converted NDJSON) Blob slice by slice into core's keyed snapshot. */
export async function readBlobSnapshot(
  blob: Blob,
  onProgress: (progress: SnapshotProgress) => void,
  slice = SLICE,
): Promise<RegistrySnapshot> {
  const builder = createSnapshotBuilder();
  const decoder = new TextDecoder('utf-8');
  for (let offset = 0; offset < blob.size; offset += slice) {
    const bytes = new Uint8Array(await blob.slice(offset, offset + slice).arrayBuffer());
    builder.push(decoder.decode(bytes, { stream: true }));
    onProgress({
      bytesRead: Math.min(offset + slice, blob.size),
      totalBytes: blob.size,
      records: builder.size,
    });
  }
  const tail = decoder.decode();
  if (tail) builder.push(tail);
  const snapshot = builder.finish();
  onProgress({ bytesRead: blob.size, totalBytes: blob.size, records: snapshot.records.size });
  return snapshot;
}
