import { ApiError } from '../http/api-error';
import { getJob } from '../operations/query-jobs';
import type { ProxyContext } from '../operations/proxy-context';
import type { OperationMetadata } from '../storage/operation-metadata';
import { isOperationId } from '../storage/operation-names';

// A copy and a delete-all read an export the admin made with keys (docs/bulk-flows.md): one that
// is the hub's own, completed, and made with keys, or a code that says which of those it is not.

export const exportNotFound = (): ApiError =>
  new ApiError(404, 'COPY_SOURCE_NOT_FOUND', 'The hub has no export with this id.');

export async function completedExportWithKeys(
  context: ProxyContext,
  exportId: string,
): Promise<OperationMetadata> {
  if (!isOperationId(exportId) || !exportId.startsWith('export-')) throw exportNotFound();
  const exported = await context.storage.readOperation(exportId);
  if (!exported || exported.kind !== 'export') throw exportNotFound();
  if (exported.excludeKeysInExport !== false)
    throw new ApiError(
      409,
      'COPY_SOURCE_WITHOUT_KEYS',
      'The export was made without keys; export the hub with keys.',
    );
  const job = await getJob(context, exportId);
  if (job.status !== 'completed')
    throw new ApiError(409, 'COPY_SOURCE_NOT_READY', `The export is ${job.status}.`, {
      status: job.status,
    });
  return exported;
}
