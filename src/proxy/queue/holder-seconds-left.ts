import type { SlotHolder } from '../../contracts/api/queue';

/**
 * How long the job holding the slot still runs, in seconds, or null when nothing says. A job the
 * console started has a known size, so its remaining rows at this hub's throughput; any job that
 * has made progress (another tool's too) has run long enough to extrapolate from its own pace.
 * A queued entry's ETA is this plus the entries ahead of it (describe-queue.ts).
 */
export function holderSecondsLeft(
  holder: SlotHolder | null,
  holderRows: number | undefined,
  rowsPerSecond: number | null,
  now: Date,
): number | null {
  if (holder === null) return 0;
  const done = holder.progress / 100;
  if (holderRows !== undefined && rowsPerSecond !== null)
    return (holderRows * (1 - done)) / rowsPerSecond;
  const started = holder.startTimeUtc ? Date.parse(holder.startTimeUtc) : Number.NaN;
  if (Number.isNaN(started) || done <= 0) return null;
  const elapsed = Math.max(0, (now.getTime() - started) / 1000);
  return (elapsed * (1 - done)) / done;
}
