import { TERMINAL_JOB_STATUSES } from '../../../../contracts/api';
import type { Job } from '../../../../contracts/api';

// The exports page reads one export twice: the live panel polls it alone every 2 s, the list polls
// all of them every 5 s. Left alone they disagree for seconds ("Completed" above, "Running" below).
// These rules decide what both show, whichever read arrived first.

export function isTerminal(job: Job): boolean {
  return TERMINAL_JOB_STATUSES.includes(job.status);
}

/** What the pages address an export by: its hub job id, else its operation id. */
export function exportRefOf(job: Job): string | null {
  return job.jobId ?? job.operationId;
}

export function sameExport(a: Job, b: Job): boolean {
  if (a.operationId !== null && b.operationId !== null) return a.operationId === b.operationId;
  return a.jobId !== null && a.jobId === b.jobId;
}

/**
 * The read to show of two reads of one export. An export never leaves a terminal state, so a read
 * that says it ended beats one that says it runs, even when the running one arrived later (a list
 * request sent before the end can answer after the panel saw it). Otherwise the later read wins.
 */
export function fresherRead(earlier: Job, later: Job): Job {
  return isTerminal(earlier) && !isTerminal(later) ? earlier : later;
}

function differs(a: Job, b: Job): boolean {
  return (
    a.status !== b.status ||
    a.progress !== b.progress ||
    a.endTimeUtc !== b.endTimeUtc ||
    a.deviceCount !== b.deviceCount
  );
}

/** The list with one export's newer read merged in; null when the list already says the same. */
export function mergeReadIntoList(list: readonly Job[], read: Job): Job[] | null {
  const at = list.findIndex((job) => sameExport(job, read));
  if (at < 0) return null;
  const current = list[at];
  if (current === undefined) return null;
  const shown = fresherRead(current, read);
  if (shown === current || !differs(current, shown)) return null;
  return list.map((job, i) => (i === at ? shown : job));
}
