import type { QueueEntry, QueueResponse, SlotHolder } from '../../contracts/api/queue';
import { callHub } from '../hub/hub-errors';
import { findActiveJob } from '../operations/active-job';
import type { ProxyContext } from '../operations/proxy-context';
import { toJobStatus } from '../operations/to-job';
import { holderSecondsLeft } from './holder-seconds-left';
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
  // The slot frees when the holder ends; each entry then runs its own rows at this hub's pace.
  const base = holderSecondsLeft(holder, holderRows, throughput, context.now());
  let aheadRows: number | null = 0;
  let position = 0;
  const described = entries.map(({ row }): QueueEntry => {
    const waiting = row.state !== 'failed' && row.state !== 'stopped';
    if (waiting) {
      position++;
      aheadRows = aheadRows !== null && row.rows >= 0 ? aheadRows + row.rows : null;
    }
    const etaSeconds =
      waiting && base !== null && aheadRows !== null && throughput !== null
        ? Math.round(base + aheadRows / throughput)
        : null;
    return toEntry(row, waiting ? position : null, etaSeconds);
  });
  return { entries: described, holder, throughputRowsPerSecond: throughput };
}

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
    ...(row.runId && row.chunk && row.chunkCount
      ? { run: { runId: row.runId, chunk: row.chunk, of: row.chunkCount } }
      : {}),
  };
}
