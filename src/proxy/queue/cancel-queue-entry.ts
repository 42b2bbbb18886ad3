import { QUEUE_ENTRY_ID } from '../../contracts/api/queue';
import { ApiError } from '../http/api-error';
import type { OperationQueue } from './operation-queue';
import { deleteQueueEntry, readQueueEntry } from './queue-entries';
import type { QueueEntryRow } from './queue-entry';

// DELETE /api/queue/{entryId}: an admin takes an entry out before it starts. Nothing ran yet, so
// there is nothing to undo; the entry's message finds no entry and is dropped by the next worker
// that receives it. Deleting with the ETag read means an entry a worker claimed in between is
// refused (409 QUEUE_ENTRY_STARTING) rather than removed under that worker.
export async function cancelQueueEntry(
  queue: OperationQueue,
  entryId: string,
): Promise<QueueEntryRow> {
  const notFound = new ApiError(404, 'QUEUE_ENTRY_NOT_FOUND', 'No such queue entry.');
  if (!QUEUE_ENTRY_ID.test(entryId)) throw notFound;
  // A lost race against a write that left the entry waiting (a released claim) is tried again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const entry = await readQueueEntry(queue.table, queue.partitionKey, entryId);
    if (!entry) throw notFound;
    if (entry.row.state === 'starting') throw starting();
    if (await deleteQueueEntry(queue.table, queue.partitionKey, entryId, entry.etag))
      return entry.row;
  }
  throw starting();
}

const starting = (): ApiError =>
  new ApiError(
    409,
    'QUEUE_ENTRY_STARTING',
    'The queue is starting this entry now; it can no longer be cancelled here.',
  );
