import type { Job, JobStatus } from '../../../../contracts/api';
import { exportNameOf, type ExportName } from '../../../lib/export-name';
import { formatCount } from '../../../lib/format';

export type KeysState = 'excluded' | 'included' | 'unknown';

/**
 * The Devices cell. The proxy counts a completed export's lines in the background after it first
 * sees the job finish, so a completed export may briefly have no count yet. One the hub has
 * forgotten was never counted and never will be; like unfinished exports it shows no count.
 */
export type DeviceCountState =
  | { state: 'counted'; devices: number; modules: number }
  | { state: 'counting' }
  | { state: 'none' };

/** One past export as the table shows it. */
export interface ExportRow {
  /**
   * What /exports/:id and /diff?a= take: the hub job id, or the operation id when no job started.
   */
  ref: string;
  /** Label, start time and short id: what tells this export apart from its neighbours. */
  name: ExportName;
  who: string | null;
  devices: DeviceCountState;
  size: number | null;
  keys: KeysState;
  status: JobStatus;
  /** Only a completed export has a devices.txt to browse or compare. */
  ready: boolean;
}

export function toExportRow(job: Job): ExportRow | null {
  const ref = job.jobId ?? job.operationId;
  if (ref === null) return null;
  return {
    ref,
    name: exportNameOf(job),
    who: job.startedBy?.name || null,
    devices: deviceCountState(job),
    size: job.convertedSize ?? job.fileSize ?? null,
    keys:
      job.excludeKeysInExport === null
        ? 'unknown'
        : job.excludeKeysInExport
          ? 'excluded'
          : 'included',
    status: job.status,
    ready: job.status === 'completed',
  };
}

export function deviceCountState(job: Job): DeviceCountState {
  if (job.status !== 'completed') return { state: 'none' };
  if (job.deviceCount !== null)
    return { state: 'counted', devices: job.deviceCount, modules: job.moduleCount ?? 0 };
  return job.hubHistoryExpired ? { state: 'none' } : { state: 'counting' };
}

export function moduleCountWords(modules: number): string {
  return `+ ${formatCount(modules)} ${modules === 1 ? 'module' : 'modules'}`;
}

/**
 * How long after an export ends the list keeps polling for its count; later sightings still count,
 * on the next load.
 */
export const COUNT_POLL_WINDOW_MS = 60 * 60_000;

/**
 * Whether the list should poll again because an export finished recently and is still being
 * counted.
 */
export function awaitsDeviceCount(job: Job, nowMs: number): boolean {
  if (job.type !== 'export' || deviceCountState(job).state !== 'counting') return false;
  const ended = job.endTimeUtc === null ? Number.NaN : Date.parse(job.endTimeUtc);
  return Number.isNaN(ended) || nowMs - ended < COUNT_POLL_WINDOW_MS;
}

export function toExportRows(jobs: readonly Job[]): ExportRow[] {
  return jobs.map(toExportRow).filter((row): row is ExportRow => row !== null);
}

/**
 * The pair the Compare picker starts with: A the newest completed export, B the one before, so
 * "added" reads as "new since the previous export". Rows come newest first from the proxy.
 */
export function defaultComparePair(rows: readonly ExportRow[]): {
  a: string | null;
  b: string | null;
} {
  // A is before and B after, as in every diff: the older of the two newest exports is A.
  const ready = rows.filter((row) => row.ready);
  if (ready.length < 2) return { a: ready[0]?.ref ?? null, b: null };
  return { a: ready[1]?.ref ?? null, b: ready[0]?.ref ?? null };
}

export function diffLink(a: string, b: string): string {
  return `/diff?${new URLSearchParams({ a, b }).toString()}`;
}

/** The export the page follows live: the one just started, else any export still running. */
export function runningExportRef(
  rows: readonly ExportRow[],
  justStarted: string | null,
): string | null {
  if (justStarted !== null) return justStarted;
  return rows.find((row) => row.status === 'enqueued' || row.status === 'running')?.ref ?? null;
}
