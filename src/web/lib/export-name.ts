import type { Job } from '../../contracts/api';
import { formatDateTime } from './format';

// One way to name an export everywhere it appears (the exports list, the registry browser, the
// diff's A and B), so an admin can match them by eye: two exports started in the same second still
// differ by their short id, and a label says what each was for.

const SHORT_ID_LENGTH = 6;

export type ExportNaming = Pick<
  Job,
  'jobId' | 'operationId' | 'createdAt' | 'startTimeUtc' | 'label'
>;

export interface ExportName {
  label: string | null;
  /** When the export was started (the console's own record first, else the hub's start time). */
  time: string | null;
  /** The last six characters of the operation id (the container name), else of the hub job id. */
  shortId: string | null;
}

export function shortIdOf(id: string | null): string | null {
  return id ? id.slice(-SHORT_ID_LENGTH) : null;
}

export function exportNameOf(job: ExportNaming): ExportName {
  return {
    label: job.label?.trim() || null,
    time: job.createdAt ?? job.startTimeUtc,
    shortId: shortIdOf(job.operationId ?? job.jobId),
  };
}

/** "before the move · 27 Nov 2026, 10:00:00 · id efghij", parts left out when unknown. */
export function exportNameWords(name: ExportName): string {
  return [
    name.label,
    name.time === null ? null : formatDateTime(name.time),
    name.shortId === null ? null : `id ${name.shortId}`,
  ]
    .filter((part): part is string => part !== null)
    .join(' · ');
}
