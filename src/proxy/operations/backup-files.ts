import {
  ADMIN_ONLY_FILES,
  OPERATION_FILE_BLOBS,
  type OperationFile,
} from '../../contracts/api/files';
import type { CreateImportRequest, UploadTarget } from '../../contracts/api/imports';
import type { Job } from '../../contracts/api/jobs';
import { maskSecretPatterns } from '../masking/mask-secret-patterns';
import type { Principal } from '../auth/bearer-verifier';
import { ApiError } from '../http/api-error';
import type { OperationMetadata } from '../storage/operation-metadata';
import { SAS_LIFETIMES, type ProxyContext } from './proxy-context';

// The registry snapshot an import's plan used and the undo file built from it, kept with the
// operation (docs/proxy.md#backup-and-undo-files). Both hold every key of the devices the import
// touches, so they are for admins alone: support staff get 403 on them and see no trace of them in
// a job.

export const DEFAULT_BACKUP_RETENTION_DAYS = 30;

export type BackupRecord = NonNullable<OperationMetadata['backup']>;

export function backupRecordFor(
  request: CreateImportRequest,
  now: Date,
  retentionDays: number,
): BackupRecord | undefined {
  if (!request.backup) return undefined;
  return {
    snapshotTakenAt: request.backup.snapshotTakenAt,
    expiresAt: new Date(now.getTime() + retentionDays * 86_400_000).toISOString(),
  };
}

/** Upload grants as for devices.txt: one blob each, create and write only, short-lived. */
export async function backupUploads(
  context: ProxyContext,
  operationId: string,
): Promise<{ backup: UploadTarget; undo: UploadTarget }> {
  const grant = async (file: 'backup' | 'undo'): Promise<UploadTarget> => {
    const blobName = OPERATION_FILE_BLOBS[file];
    const sas = await context.storage.uploadSas(operationId, blobName, SAS_LIFETIMES.uploadMinutes);
    return { blobName, url: sas.url };
  };
  return { backup: await grant('backup'), undo: await grant('undo') };
}

export function isAdminOnlyFile(file: OperationFile): boolean {
  return ADMIN_ONLY_FILES.includes(file);
}

/** Checked before the operation is looked up, so a refusal says nothing about what exists. */
export function assertMayReadFile(principal: Principal, file: OperationFile): void {
  if (isAdminOnlyFile(file) && !principal.roles.includes('admin'))
    throw new ApiError(403, 'FORBIDDEN', 'Only an admin may read the backup and undo files.');
}

/** Past its retention a backup is not served, even if a blob is still there. */
export function assertBackupKept(
  metadata: OperationMetadata,
  file: OperationFile,
  now: Date,
): void {
  if (!isAdminOnlyFile(file)) return;
  const backup = metadata.backup;
  if (!backup) throw new ApiError(404, 'NOT_FOUND', 'This operation has no backup.', { file });
  if (Date.parse(backup.expiresAt) <= now.getTime())
    throw new ApiError(410, 'BACKUP_EXPIRED', `This backup was kept until ${backup.expiresAt}.`, {
      file,
      expiresAt: backup.expiresAt,
    });
}

/** The job's backup as metadata says, before the caller's role and the clock are applied. */
export function jobBackupOf(metadata: Partial<OperationMetadata>): Job['backup'] {
  const backup = metadata.backup;
  if (!backup) return null;
  return {
    snapshotTakenAt: backup.snapshotTakenAt,
    expiresAt: backup.expiresAt,
    undoAvailable: (backup.undoSize ?? 0) > 0,
  };
}

const maskFreeText = (text: string | null): string | null =>
  text === null ? null : maskSecretPatterns(text, { keyShapes: true });

/**
 * What a caller may see of a job: for support staff no backup, and every free text through the
 * secret patterns: the hub's failure text (a hub may quote a storage URL with its SAS signature
 * there), and what an admin typed or named (a label or a file name may carry a pasted key); for
 * admins no undo once expired.
 */
export function jobForCaller(job: Job, principal: Principal, now: Date): Job {
  const backup = job.backup ?? null;
  if (!principal.roles.includes('admin'))
    return {
      ...job,
      backup: null,
      failureReason: maskFreeText(job.failureReason),
      label: maskFreeText(job.label),
      fileName: maskFreeText(job.fileName),
    };
  if (backup && Date.parse(backup.expiresAt) <= now.getTime())
    return { ...job, backup: { ...backup, undoAvailable: false } };
  return { ...job, backup };
}

/** The file names a caller may ask for, for the 404 of an unknown one. */
export function readableFiles(
  principal: Principal,
  all: readonly OperationFile[],
): OperationFile[] {
  return principal.roles.includes('admin') ? [...all] : all.filter((f) => !isAdminOnlyFile(f));
}
