import type { CreateExportRequest } from '../../contracts/api/exports';
import type { Principal } from '../auth/bearer-verifier';
import { forbidden } from '../http/api-error';
import type { ProxyContext } from '../operations/proxy-context';
import type { OperationMetadata } from '../storage/operation-metadata';
import { newOperationId } from '../storage/operation-names';
import type { OperationQueue } from './operation-queue';
import { appendQueueEntry, deleteQueueEntry } from './queue-entries';
import type { QueueEntryRow } from './queue-entry';

// POST /api/exports/enqueue: an export waits in the hub's queue like an import. Its container and
// metadata are written now, without a start claim, so it has its operation id before any hub job
// exists; the worker later starts it through start-queued-export.ts (claim, create, adopt on
// retry), which never makes a second export job for one operation. Admins only: a support
// export keeps its own rules (admit-support-export.ts) and is never queued.
export async function enqueueExport(
  context: ProxyContext,
  queue: OperationQueue,
  principal: Principal,
  request: CreateExportRequest,
): Promise<QueueEntryRow> {
  if (!principal.roles.includes('admin')) throw forbidden('Only an admin may queue an export.');
  const operationId = newOperationId('export', context.now());
  const metadata: OperationMetadata = {
    kind: 'export',
    createdAt: context.now().toISOString(),
    createdByName: principal.name,
    createdByOid: principal.objectId,
    excludeKeysInExport: request.excludeKeys,
    includeConfigurations: request.includeConfigurations,
    keysInside: !request.excludeKeys,
    ...(request.label ? { label: request.label } : {}),
  };
  await context.storage.createOperation(operationId, metadata);
  let row: QueueEntryRow;
  try {
    row = await appendQueueEntry(queue.table, queue.partitionKey, {
      operationId,
      kind: 'export',
      state: 'queued',
      enqueuedAt: context.now().toISOString(),
      enqueuedByOid: principal.objectId,
      enqueuedByName: principal.name,
      rows: -1,
    });
  } catch (error) {
    // No entry, no export: nothing would ever start it.
    await context.storage.deleteOperation(operationId).catch(() => undefined);
    throw error;
  }
  try {
    await queue.messages.send(JSON.stringify({ entryId: row.entryId }));
  } catch (error) {
    await deleteQueueEntry(queue.table, queue.partitionKey, row.entryId).catch(() => undefined);
    await context.storage.deleteOperation(operationId).catch(() => undefined);
    throw error;
  }
  return row;
}

/**
 * A cancelled queued export never ran and has no inputs, so its container goes with its entry
 * (an import's stays: its upload is the admin's work). One a start has claimed is kept.
 */
export async function discardQueuedExport(
  context: ProxyContext,
  operationId: string,
): Promise<void> {
  if (!operationId.startsWith('export-')) return;
  const metadata = await context.storage.readOperation(operationId);
  if (!metadata || metadata.jobId || metadata.startClaimedAt) return;
  await context.storage.deleteOperation(operationId);
}
