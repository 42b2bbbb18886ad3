import type { DeleteAllResponse } from '../../contracts/api/delete-all';
import { ApiError } from '../http/api-error';
import type { OperationMetadata } from '../storage/operation-metadata';
import { isOperationId } from '../storage/operation-names';
import type { CopyHub } from './copy-hubs';

// GET /api/hubs/{hubId}/delete-all/{operationId}: a delete-all as the proxy recorded it, with the
// configuration ids it deletes after the job (a blob of the operation: metadata has no room).

export const DELETE_ALL_CONFIGURATIONS_BLOB = 'delete-all-configurations.txt';

export const deleteAllNotFound = (): ApiError =>
  new ApiError(404, 'DELETE_ALL_NOT_FOUND', 'This hub has no delete-all with this id.');

export interface StoredDeleteAll {
  operationId: string;
  metadata: OperationMetadata & { deleteAll: NonNullable<OperationMetadata['deleteAll']> };
  configurationIds: string[];
}

export async function readStoredDeleteAll(
  hub: CopyHub,
  operationId: string,
): Promise<StoredDeleteAll> {
  if (!isOperationId(operationId) || !operationId.startsWith('import-')) throw deleteAllNotFound();
  const metadata = await hub.context.storage.readOperation(operationId);
  const deleteAll = metadata?.deleteAll;
  if (!metadata || !deleteAll) throw deleteAllNotFound();
  const blob = await hub.context.storage.openBlob(operationId, DELETE_ALL_CONFIGURATIONS_BLOB);
  let text = '';
  if (blob) {
    blob.stream.setEncoding('utf8');
    for await (const chunk of blob.stream) text += chunk as string;
  }
  return {
    operationId,
    metadata: { ...metadata, deleteAll },
    configurationIds: text.split('\n').filter((id) => id !== ''),
  };
}

export function deleteAllResponseOf(
  hubId: string,
  operationId: string,
  metadata: OperationMetadata,
  configurationIds: string[],
): DeleteAllResponse {
  const deleteAll = metadata.deleteAll;
  if (!deleteAll) throw deleteAllNotFound();
  return {
    operationId,
    hubId,
    exportOperationId: deleteAll.exportOperationId,
    devices: deleteAll.devices ?? 0,
    modules: deleteAll.modules ?? 0,
    configurationIds,
    ...(metadata.jobId ? { jobId: metadata.jobId } : {}),
    ...(deleteAll.configurations ? { configurations: deleteAll.configurations } : {}),
  };
}

export async function readDeleteAll(hub: CopyHub, operationId: string): Promise<DeleteAllResponse> {
  const stored = await readStoredDeleteAll(hub, operationId);
  return deleteAllResponseOf(hub.id, operationId, stored.metadata, stored.configurationIds);
}
