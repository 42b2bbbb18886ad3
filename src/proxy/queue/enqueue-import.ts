import type { Principal } from '../auth/bearer-verifier';
import { ApiError } from '../http/api-error';
import type { ProxyContext } from '../operations/proxy-context';
import { isOperationId } from '../storage/operation-names';
import type { OperationQueue } from './operation-queue';
import { appendQueueEntry, deleteQueueEntry, listQueueEntries } from './queue-entries';
import type { QueueEntryRow } from './queue-entry';

// POST /api/imports/{operationId}/enqueue: the import waits in the hub's queue and the worker
// starts it through the same idempotent start as POST .../start once its turn comes and the slot
// is free. What would make that start fail for certain is refused now, while the admin is there.
export async function enqueueImport(
  context: ProxyContext,
  queue: OperationQueue,
  principal: Principal,
  operationId: string,
): Promise<QueueEntryRow> {
  const notFound = new ApiError(404, 'OPERATION_NOT_FOUND', 'No such import.');
  if (!isOperationId(operationId) || !operationId.startsWith('import-')) throw notFound;
  const metadata = await context.storage.readOperation(operationId);
  if (!metadata || metadata.kind !== 'import') throw notFound;
  if (metadata.jobId ?? metadata.startClaimedAt)
    throw new ApiError(409, 'ALREADY_STARTED', 'This import has been started already.', {
      jobId: metadata.jobId ?? null,
    });
  const size = await context.storage.blobSize(operationId, 'devices.txt');
  if (size === undefined)
    throw new ApiError(409, 'UPLOAD_MISSING', 'devices.txt has not been uploaded yet.');
  if (size === 0) throw new ApiError(409, 'UPLOAD_EMPTY', 'devices.txt is empty.');

  const entries = await listQueueEntries(queue.table, queue.partitionKey);
  const same = entries.find((entry) => entry.row.operationId === operationId);
  if (same && same.row.state !== 'failed')
    throw new ApiError(409, 'ALREADY_QUEUED', 'This import is already queued.', {
      entryId: same.row.entryId,
    });
  // A failed attempt of the same import gives way to the new one, which goes to the back.
  if (same) await deleteQueueEntry(queue.table, queue.partitionKey, same.row.entryId, same.etag);

  const row = await appendQueueEntry(queue.table, queue.partitionKey, {
    operationId,
    kind: 'import',
    state: 'queued',
    enqueuedAt: context.now().toISOString(),
    enqueuedByOid: principal.objectId,
    enqueuedByName: principal.name,
    rows: metadata.rowCounts?.valid ?? -1,
  });
  // The entry exists before its message, so a message always finds its entry, and a message whose
  // entry is gone means cancelled or done. A send that fails takes the entry back.
  try {
    await queue.messages.send(JSON.stringify({ entryId: row.entryId }));
  } catch (error) {
    await deleteQueueEntry(queue.table, queue.partitionKey, row.entryId).catch(() => undefined);
    throw error;
  }
  return row;
}
