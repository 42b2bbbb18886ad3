import type { StoredOperation } from '../storage/operation-storage';

// Devices per second of the completed imports recorded on this hub: the devices each sent over
// the time from its start to its end, summed, so a long job weighs in by its length and the hub's
// fixed start-up cost per job is part of the figure, as it is part of every queued job's wait.
export function measureThroughput(operations: readonly StoredOperation[]): number | null {
  let rows = 0;
  let seconds = 0;
  for (const { metadata } of operations) {
    if (metadata.kind !== 'import' || metadata.finalStatus !== 'completed') continue;
    const sent = metadata.rowCounts?.valid;
    const start = metadata.jobStartedAt ? Date.parse(metadata.jobStartedAt) : Number.NaN;
    const end = metadata.jobEndedAt ? Date.parse(metadata.jobEndedAt) : Number.NaN;
    if (!sent || Number.isNaN(start) || Number.isNaN(end) || end <= start) continue;
    rows += sent;
    seconds += (end - start) / 1000;
  }
  return rows > 0 && seconds > 0 ? rows / seconds : null;
}
