import type { Job } from '../../../../contracts/api';

// Which export a large plan may read the registry from (docs/plan-and-undo.md, "Where the plan
// reads the registry"): a completed export with keys of this hub (the proxy lists this hub's
// operations only) that finished no longer ago than the configured age, and after whose start no
// import was started through the console: that import changed what the export shows. The newest
// one wins.

export interface KeyExport {
  jobId: string;
  job: Job;
  /** When the export finished: the age of the snapshot is counted from here. */
  endedAt: string;
}

export function recentKeyExport(
  jobs: readonly Job[],
  nowMs: number,
  maxAgeMinutes: number,
): KeyExport | null {
  let lastImportStart = Number.NEGATIVE_INFINITY;
  for (const job of jobs) {
    if (job.type !== 'import' || job.startTimeUtc === null) continue;
    const started = Date.parse(job.startTimeUtc);
    if (Number.isFinite(started)) lastImportStart = Math.max(lastImportStart, started);
  }
  let best: KeyExport | null = null;
  for (const job of jobs) {
    if (job.type !== 'export' || job.status !== 'completed') continue;
    if (job.excludeKeysInExport !== false || job.jobId === null || job.endTimeUtc === null)
      continue;
    const ended = Date.parse(job.endTimeUtc);
    if (!Number.isFinite(ended) || nowMs - ended > maxAgeMinutes * 60_000 || ended > nowMs + 60_000)
      continue;
    const started = Date.parse(job.startTimeUtc ?? job.createdAt ?? job.endTimeUtc);
    if (!(started > lastImportStart)) continue;
    if (best === null || ended > Date.parse(best.endedAt))
      best = { jobId: job.jobId, job, endedAt: job.endTimeUtc };
  }
  return best;
}

/** "just now", "3 min ago", "2 h 5 min ago": how old the plan's knowledge of the registry is. */
export function ageWords(takenAt: string, nowMs: number): string {
  const minutes = Math.floor((nowMs - Date.parse(takenAt)) / 60_000);
  if (!Number.isFinite(minutes) || minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h ago` : `${hours} h ${rest} min ago`;
}

/**
 * Milliseconds left of a running export, from its own progress: the time so far stretched to the
 * whole. Null until the hub reports progress (a percentage of the registry's devices).
 */
export function exportRemainingMs(job: Job, nowMs: number): number | null {
  const started = Date.parse(job.startTimeUtc ?? job.createdAt ?? '');
  if (!Number.isFinite(started) || job.progress <= 0 || job.progress >= 100) return null;
  const elapsed = Math.max(0, nowMs - started);
  return (elapsed * (100 - job.progress)) / job.progress;
}
