import type { QueueEntry, SlotHolder } from '../../../contracts/api';
import { formatDuration } from '../format';

/**
 * "Queued, position 2, behind import job abc (41%, running 3 min 05 s)": what a waiting entry is
 * waiting for. `nowMs` gives the holder's age; the caller passes its clock.
 */
export function queuePositionWords(
  entry: QueueEntry,
  holder: SlotHolder | null,
  nowMs?: number,
): string {
  if (entry.state === 'starting') return 'Starting now';
  if (entry.state === 'stopped') return 'Stopped by its chunked import’s stop rule';
  if (entry.position === null) return 'Could not be started';
  if (!holder) return `Queued, position ${entry.position}`;
  const started = holder.startTimeUtc ? Date.parse(holder.startTimeUtc) : Number.NaN;
  const facts = [
    `${Math.round(holder.progress)}%`,
    ...(nowMs !== undefined && !Number.isNaN(started) && nowMs >= started
      ? [`running ${formatDuration(nowMs - started)}`]
      : []),
    ...(holder.operationId ? [] : ['started outside the console']),
  ];
  return `Queued, position ${entry.position}, behind ${holder.type} job ${holder.jobId} (${facts.join(', ')})`;
}

/** "about 4 min" from now, or null when the hub has no measured throughput yet. */
export function queueEtaWords(entry: QueueEntry): string | null {
  if (entry.etaSeconds === null || entry.position === null) return null;
  return `expected to finish in about ${formatDuration(entry.etaSeconds * 1000)}`;
}
