import type { Job } from '../../../contracts/api';
import { TERMINAL_JOB_STATUSES } from '../../../contracts/api';
import { rowsSent } from '../../lib/job-outcome';

// A planning figure for jobs whose progress the hub reports as 0 until the end
// (docs/reference/hub-wire-contract.md: the live hub may not update progress). Used only for a
// labelled estimate, never for a progress bar.
export const ASSUMED_DEVICES_PER_SECOND = 1500;

export interface JobTiming {
  elapsedMs: number | null;
  /** Devices the hub has processed, derived from progress and the valid row count. */
  processed: number | null;
  devicesPerSecond: number | null;
  etaMs: number | null;
  /** True when the job is active but reports no progress: show an indeterminate bar. */
  progressUnknown: boolean;
  /** Rough total duration from the row count when progress is unknown. */
  estimatedTotalMs: number | null;
}

function parseTime(iso: string | null): number | null {
  if (!iso) return null;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : time;
}

export function isTerminal(job: Pick<Job, 'status'>): boolean {
  return TERMINAL_JOB_STATUSES.includes(job.status);
}

export function computeJobTiming(job: Job, nowMs: number): JobTiming {
  const start = parseTime(job.startTimeUtc) ?? parseTime(job.createdAt);
  const end = isTerminal(job) ? (parseTime(job.endTimeUtc) ?? null) : nowMs;
  const elapsedMs = start !== null && end !== null ? Math.max(0, end - start) : null;
  // What the hub was sent (the job file's lines), not the rows the file had: a planned import
  // leaves unchanged rows out.
  const rows = rowsSent(job);
  const active = !isTerminal(job);
  const progressUnknown = active && job.progress <= 0;
  const processed = rows !== null ? Math.round((rows * job.progress) / 100) : null;
  const seconds = elapsedMs !== null ? elapsedMs / 1000 : 0;
  const devicesPerSecond =
    processed !== null && processed > 0 && seconds > 0 ? processed / seconds : null;
  const etaMs =
    active && !progressUnknown && elapsedMs !== null && job.progress < 100
      ? (elapsedMs * (100 - job.progress)) / job.progress
      : null;
  const estimatedTotalMs =
    progressUnknown && rows !== null ? (rows / ASSUMED_DEVICES_PER_SECOND) * 1000 : null;
  return { elapsedMs, processed, devicesPerSecond, etaMs, progressUnknown, estimatedTotalMs };
}
