import type { QueueEntry, SlotHolder } from '../../../contracts/api';
import { formatDuration } from '../format';

/** "Queued, position 2, behind import job abc (41%)": what a waiting entry is waiting for. */
export function queuePositionWords(entry: QueueEntry, holder: SlotHolder | null): string {
  if (entry.state === 'starting') return 'Starting now';
  if (entry.position === null) return 'Could not be started';
  const behind = holder
    ? `, behind ${holder.type} job ${holder.jobId} (${Math.round(holder.progress)}%${holder.operationId ? '' : ', started outside the console'})`
    : '';
  return `Queued, position ${entry.position}${behind}`;
}

/** "about 4 min" from now, or null when the hub has no measured throughput yet. */
export function queueEtaWords(entry: QueueEntry): string | null {
  if (entry.etaSeconds === null || entry.position === null) return null;
  return `expected to finish in about ${formatDuration(entry.etaSeconds * 1000)}`;
}
