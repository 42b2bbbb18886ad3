import type { Job, JobStatus } from '../../../../contracts/api';

export type KeysState = 'excluded' | 'included' | 'unknown';

/** One past export as the table shows it. */
export interface ExportRow {
  /** What /exports/:id and /diff?a= take: the hub job id, or the operation id when no job started. */
  ref: string;
  when: string | null;
  who: string | null;
  devices: number | null;
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
    when: job.createdAt ?? job.startTimeUtc,
    who: job.startedBy?.name || null,
    devices: job.rowCounts?.total ?? null,
    size: job.convertedSize ?? job.fileSize ?? null,
    keys: job.excludeKeysInExport === null ? 'unknown' : job.excludeKeysInExport ? 'excluded' : 'included',
    status: job.status,
    ready: job.status === 'completed',
  };
}

export function toExportRows(jobs: readonly Job[]): ExportRow[] {
  return jobs.map(toExportRow).filter((row): row is ExportRow => row !== null);
}

/**
 * The pair the Compare picker starts with: A the newest completed export, B the one before, so
 * "added" reads as "new since the previous export". Rows come newest first from the proxy.
 */
export function defaultComparePair(rows: readonly ExportRow[]): { a: string | null; b: string | null } {
  const ready = rows.filter((row) => row.ready);
  return { a: ready[0]?.ref ?? null, b: ready[1]?.ref ?? null };
}

export function diffLink(a: string, b: string): string {
  return `/diff?${new URLSearchParams({ a, b }).toString()}`;
}

/** The export the page follows live: the one just started, else any export still running. */
export function runningExportRef(rows: readonly ExportRow[], justStarted: string | null): string | null {
  if (justStarted !== null) return justStarted;
  return rows.find((row) => row.status === 'enqueued' || row.status === 'running')?.ref ?? null;
}
