import { RestError, type BlobClient } from '@azure/storage-blob';
import { StorageError } from './storage-error';

/**
 * The copy of an import's devices.txt that the hub reads, made at start. The browser's upload
 * grants name `devices.txt` and `source.<ext>` only, so no grant handed out can change this blob.
 */
export const FROZEN_INPUT_BLOB = 'input/devices.txt';

/**
 * The copies of an import's backup files made at start, beside the frozen input: the audit's
 * snapshot and undo file are what the import was started with, whatever an upload grant that is
 * still valid writes to `backup.txt` or `undo.ndjson` afterwards.
 */
export const FROZEN_BACKUP_BLOBS: Readonly<Record<string, string>> = {
  'backup.txt': 'input/backup.txt',
  'undo.ndjson': 'input/undo.ndjson',
};

/**
 * Copies `sourceUrl` to `target` unless `target` exists (If-None-Match: *), and waits until the
 * copy is complete. An existing target is kept, never replaced: the hub may be reading it.
 */
export async function copyOnce(target: BlobClient, sourceUrl: string): Promise<void> {
  try {
    const copy = await target.beginCopyFromURL(sourceUrl, { conditions: { ifNoneMatch: '*' } });
    await copy.pollUntilDone();
  } catch (error) {
    // Already copied by an earlier start, or another start is copying right now.
    const exists =
      error instanceof RestError && (error.statusCode === 409 || error.statusCode === 412);
    if (!exists) throw error;
    await waitForCopy(target);
  }
}

async function waitForCopy(blob: BlobClient): Promise<void> {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    const { copyStatus } = await blob.getProperties();
    if (copyStatus === undefined || copyStatus === 'success') return;
    if (copyStatus !== 'pending' || Date.now() > deadline)
      throw new StorageError('copy-failed', 'blob', `Copying ${blob.name} ended ${copyStatus}.`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
