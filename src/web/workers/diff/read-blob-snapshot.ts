import { createSnapshotBuilder } from '../../../core/registry';
import type { RegistrySnapshot } from '../../../core/registry';
import { readBlobText } from '../../lib/streams/read-blob-text';

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
  await readBlobText(
    blob,
    (text, bytesRead) => {
      builder.push(text);
      onProgress({ bytesRead, totalBytes: blob.size, records: builder.size });
    },
    slice,
  );
  const snapshot = builder.finish();
  onProgress({ bytesRead: blob.size, totalBytes: blob.size, records: snapshot.records.size });
  return snapshot;
}
