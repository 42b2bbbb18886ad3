import type { OperationQueue } from './operation-queue';
import { listQueueEntries, replaceQueueEntry } from './queue-entries';
import { withoutClaim } from './queue-entry';

/**
 * The stop rule fired (judge-previous-chunk.ts): every chunk of the run still waiting is marked
 * `stopped` with the reason, never deleted, so the run page shows them and "Resume" can queue them
 * again. An entry changed in between (a cancel) is left as it is. Returns the chunks stopped.
 */
export async function stopRun(
  queue: OperationQueue,
  runId: string,
  reason: string,
): Promise<number[]> {
  const stopped: number[] = [];
  for (const entry of await listQueueEntries(queue.table, queue.partitionKey)) {
    if (entry.row.runId !== runId || entry.row.state !== 'queued') continue;
    const written = await replaceQueueEntry(
      queue.table,
      { ...withoutClaim(entry.row), state: 'stopped', stopReason: reason },
      entry.etag,
    );
    if (written && entry.row.chunk) stopped.push(entry.row.chunk);
  }
  return stopped;
}
