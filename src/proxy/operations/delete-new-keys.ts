import { FROZEN_INPUT_BLOB } from '../storage/operation-storage';
import type { OperationMetadata } from '../storage/operation-metadata';
import type { ProxyContext } from './proxy-context';

// A key regeneration's import file holds the new keys in clear (docs/bulk-flows.md, "Regenerate
// keys"): the admin has them in the one download, the hub has them once the job ran, and storage
// must not keep a third copy. Once the job is terminal the uploaded file, its frozen copy (what
// the hub read) and the source go; the backup and undo files, which hold the OLD keys, stay for
// undo. Best effort like the other end-of-job work: a failed delete is done again on the next
// sighting, because `newKeysDeletedAt` is written only after the blobs are gone.

export function needsNewKeysDeleted(metadata: OperationMetadata): boolean {
  return (
    metadata.kind === 'import' &&
    metadata.newKeysInside === true &&
    metadata.finalStatus !== undefined &&
    metadata.newKeysDeletedAt === undefined
  );
}

export function newKeyBlobs(metadata: OperationMetadata): string[] {
  return [
    'devices.txt',
    FROZEN_INPUT_BLOB,
    ...(metadata.sourceExtension ? [`source.${metadata.sourceExtension}`] : []),
  ];
}

/** Deletes the files of a terminal key-regeneration import and records it. Never throws. */
export async function deleteNewKeys(context: ProxyContext, operationId: string): Promise<void> {
  try {
    const fresh = await context.storage.readOperation(operationId);
    if (!fresh || !needsNewKeysDeleted(fresh)) return;
    await context.storage.deleteFiles(operationId, newKeyBlobs(fresh));
    await context.storage.writeOperation(operationId, {
      ...fresh,
      newKeysDeletedAt: context.now().toISOString(),
    });
  } catch {
    // Retried on the next sighting of the job.
  }
}
