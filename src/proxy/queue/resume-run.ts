import type { Principal } from '../auth/bearer-verifier';
import { ApiError } from '../http/api-error';
import type { OperationQueue } from './operation-queue';
import { appendQueueEntry, deleteQueueEntry, listQueueEntries } from './queue-entries';
import { withoutClaim, type QueueEntryRow } from './queue-entry';
import { readRunRow } from './run-record';
import { runNotFound } from './describe-run';

// POST /api/runs/{runId}/resume: the stopped chunks go back into the queue, in their order, at its
// back (the queue is first come, first served: a resume is a new request). The first of them skips
// the stop rule once, because the admin has seen the chunk that fired it and chose to go on; the
// rule applies again from the next chunk.
export async function resumeRun(
  queue: OperationQueue,
  principal: Principal,
  now: Date,
  runId: string,
): Promise<QueueEntryRow[]> {
  if (!(await readRunRow(queue.table, queue.partitionKey, runId))) throw runNotFound();
  const stopped = (await listQueueEntries(queue.table, queue.partitionKey)).filter(
    (entry) => entry.row.runId === runId && entry.row.state === 'stopped',
  );
  if (stopped.length === 0)
    throw new ApiError(409, 'RUN_NOT_STOPPED', 'No chunk of this import is stopped.');
  const requeued: QueueEntryRow[] = [];
  for (const [index, entry] of stopped.entries()) {
    // Deleted with If-Match: of two resumes at once, only one takes each chunk.
    if (!(await deleteQueueEntry(queue.table, queue.partitionKey, entry.row.entryId, entry.etag)))
      continue;
    const {
      partitionKey: _pk,
      rowKey: _rk,
      entryId: _id,
      stopReason: _why,
      skipStopCheck: _skip,
      ...rest
    } = withoutClaim(entry.row);
    // Started, from here on, in the name of the admin who resumed it.
    const row = await appendQueueEntry(queue.table, queue.partitionKey, {
      ...rest,
      state: 'queued',
      enqueuedAt: now.toISOString(),
      enqueuedByOid: principal.objectId,
      enqueuedByName: principal.name,
      ...(index === 0 ? { skipStopCheck: true } : {}),
    });
    await queue.messages.send(JSON.stringify({ entryId: row.entryId }));
    requeued.push(row);
  }
  if (requeued.length === 0)
    throw new ApiError(409, 'RUN_NOT_STOPPED', 'No chunk of this import is stopped.');
  return requeued;
}
