import type { QueueEntry, QueueResponse, SlotHolder } from '../../contracts/api/queue';
import { callHub } from '../hub/hub-errors';
import { findActiveJob } from '../operations/active-job';
import type { ProxyContext } from '../operations/proxy-context';
import { toJobStatus } from '../operations/to-job';
import { measureThroughput } from './measure-throughput';
import type { OperationQueue } from './operation-queue';
import { listQueueEntries } from './queue-entries';
import type { QueueEntryRow } from './queue-entry';

// GET /api/queue: the waiting entries with their positions, the job holding the slot (the
// console's or another tool's) and an ETA per entry from the throughput measured on this hub.
// Two index reads and at most one hub call (none while the job monitor's sighting is fresh),
// whatever the number of entries.

/** Completed jobs the throughput is measured on: the newest page of the index. */
const THROUGHPUT_SAMPLE = 50;

export async function describeQueue(
  context: ProxyContext,
  queue: OperationQueue,
): Promise<QueueResponse> {
  const monitored = context.monitoredJobs?.();
  const [entries, hubJobs, recent] = await Promise.all([
    listQueueEntries(queue.table, queue.partitionKey),
    monitored ? [...monitored] : callHub(() => context.hub.listJobs()),
    context.index.page(THROUGHPUT_SAMPLE),
  ]);
  const throughput = measureThroughput(recent.operations);
  const active = findActiveJob(hubJobs);
  const holderOperation = active ? await context.index.byJobId(active.jobId) : undefined;
  const holder: SlotHolder | null = active
    ? {
        jobId: active.jobId,
        type: active.type.toLowerCase() === 'export' ? 'export' : 'import',
        status: toJobStatus(active.status),
        progress: Math.max(0, Math.min(100, active.progress ?? 0)),
        startTimeUtc: active.startTimeUtc ?? null,
        operationId: holderOperation?.operationId ?? null,
      }
    : null;
  const holderRows = holderOperation?.metadata.rowCounts?.valid;
  // Only the console's own holder has a known size; another tool's job counts as nearly done.
  let ahead: number | null =
    holder && holderRows !== undefined ? holderRows * (1 - holder.progress / 100) : 0;
  let position = 0;
  const described = entries.map(({ row }): QueueEntry => {
    const waiting = row.state !== 'failed';
    if (waiting) {
      position++;
      ahead = ahead !== null && row.rows >= 0 ? ahead + row.rows : null;
    }
    return toEntry(row, waiting ? position : null, waiting ? eta(ahead, throughput) : null);
  });
  return { entries: described, holder, throughputRowsPerSecond: throughput };
}

const eta = (rows: number | null, perSecond: number | null): number | null =>
  rows === null || perSecond === null ? null : Math.round(rows / perSecond);

export function toEntry(
  row: QueueEntryRow,
  position: number | null,
  etaSeconds: number | null,
): QueueEntry {
  return {
    entryId: row.entryId,
    operationId: row.operationId,
    kind: row.kind,
    state: row.state,
    position,
    enqueuedAt: row.enqueuedAt,
    enqueuedBy: { name: row.enqueuedByName, objectId: row.enqueuedByOid },
    rows: row.rows >= 0 ? row.rows : null,
    etaSeconds,
    failure:
      row.state === 'failed'
        ? { code: row.failureCode ?? 'INTERNAL', message: row.failureMessage ?? '' }
        : null,
  };
}
