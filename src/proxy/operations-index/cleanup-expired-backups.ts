import { OPERATION_FILE_BLOBS } from '../../contracts/api/files';
import type { OperationStorage } from '../storage/operation-storage';

// An import's backup.txt and undo.ndjson hold every key of the devices it touched. Past the
// retention (BACKUP_RETENTION_DAYS, recorded per operation as `backup.expiresAt`) they are refused
// at once (backup-files.ts) and deleted by this sweep, which the operations cleanup runs at its
// interval; the metadata keeps `backup` with `deletedAt` as the audit of what was kept and when it
// went. Several proxies may sweep at once: every delete tolerates "already gone".

const BACKUP_FILES = [OPERATION_FILE_BLOBS.backup, OPERATION_FILE_BLOBS.undo];

export interface BackupSweepParts {
  storage: OperationStorage;
  now: () => Date;
}

export async function cleanupExpiredBackups(parts: BackupSweepParts): Promise<string[]> {
  const now = parts.now();
  const swept: string[] = [];
  for (const { operationId, metadata } of await parts.storage.listOperations()) {
    const backup = metadata.backup;
    if (!backup || backup.deletedAt !== undefined) continue;
    if (Date.parse(backup.expiresAt) > now.getTime()) continue;
    await parts.storage.deleteFiles(operationId, BACKUP_FILES);
    // Read again right before the write: a status written since the list is kept.
    const current = await parts.storage.readOperation(operationId);
    if (current?.backup)
      await parts.storage.writeOperation(operationId, {
        ...current,
        backup: { ...current.backup, deletedAt: now.toISOString() },
      });
    swept.push(operationId);
  }
  return swept;
}
