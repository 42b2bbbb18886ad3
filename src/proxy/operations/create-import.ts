import type { CreateImportRequest, CreateImportResponse } from '../../contracts/api/imports';
import type { Principal } from '../auth/bearer-verifier';
import { newOperationId } from '../storage/operation-names';
import { backupRecordFor, backupUploads, DEFAULT_BACKUP_RETENTION_DAYS } from './backup-files';
import { SAS_LIFETIMES, type ProxyContext } from './proxy-context';

// POST /api/imports: a fresh container whose metadata records the client's own report of the file,
// and two upload grants that can create/write exactly `devices.txt` and `source.<ext>` in it.
export async function createImport(
  context: ProxyContext,
  principal: Principal,
  request: CreateImportRequest,
): Promise<CreateImportResponse> {
  const operationId = newOperationId('import', context.now());
  const backup = backupRecordFor(
    request,
    context.now(),
    context.backupRetentionDays ?? DEFAULT_BACKUP_RETENTION_DAYS,
  );
  await context.storage.createOperation(operationId, {
    kind: 'import',
    createdAt: context.now().toISOString(),
    createdByName: principal.name,
    createdByOid: principal.objectId,
    fileName: request.fileName,
    fileSize: request.fileSize,
    sourceSha256: request.sourceSha256,
    sourceExtension: request.sourceExtension,
    convertedSize: request.convertedSize,
    convertedSha256: request.convertedSha256,
    rowCounts: request.rowCounts,
    byMode: Object.fromEntries(
      Object.entries(request.byMode).filter(
        (entry): entry is [string, number] => entry[1] !== undefined,
      ),
    ),
    ...(request.keyColumns?.length ? { keyColumns: request.keyColumns } : {}),
    // An import file may carry device keys; we cannot know without reading it, so assume it does.
    keysInside: true,
    ...(request.newKeysInside ? { newKeysInside: true } : {}),
    ...(backup ? { backup } : {}),
  });
  const sourceBlob = `source.${request.sourceExtension}`;
  const devices = await context.storage.uploadSas(
    operationId,
    'devices.txt',
    SAS_LIFETIMES.uploadMinutes,
  );
  const source = await context.storage.uploadSas(
    operationId,
    sourceBlob,
    SAS_LIFETIMES.uploadMinutes,
  );
  return {
    operationId,
    uploads: {
      devices: { blobName: 'devices.txt', url: devices.url },
      source: { blobName: sourceBlob, url: source.url },
      ...(backup ? await backupUploads(context, operationId) : {}),
    },
    expiresOn: devices.expiresOn,
    ...(backup
      ? { backup: { snapshotTakenAt: backup.snapshotTakenAt, expiresAt: backup.expiresAt } }
      : {}),
  };
}
