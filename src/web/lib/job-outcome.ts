import type { Job } from '../../contracts/api';
import { plural } from './format';
import { STATUS_COLORS, STATUS_WORDS, type StatusColor } from './job-status-words';

// What a job's outcome is, in one place for the job page, the jobs list and the overview. The hub
// calls an import "completed" even when it refused every row; only the error log's line count
// (errorLineCount, counted by the proxy once the job ends) tells the two apart.

export type OutcomeKind =
  | 'not-started'
  | 'counting'
  | 'clean'
  | 'with-errors'
  | 'all-refused'
  | 'in-progress'
  | 'failed'
  | 'cancelled';

export interface JobOutcome {
  kind: OutcomeKind;
  /** Short words for a chip. */
  label: string;
  color: StatusColor;
  /** Rows the hub refused, when known. */
  errorLines: number | null;
}

/** Lines the import file sent to the hub: the converted file's lines per mode, else valid rows. */
export function rowsSent(job: Job): number | null {
  if (job.byMode) return Object.values(job.byMode).reduce((sum, n) => sum + n, 0);
  return job.rowCounts?.valid ?? null;
}

// Kept here too for the callers that import it with the outcome words.
export { plural } from './format';

export function describeJobOutcome(job: Job): JobOutcome {
  const errorLines = job.errorLineCount;
  if (job.jobId === null && job.status === 'unknown')
    return { kind: 'not-started', label: 'Not started', color: 'default', errorLines };
  if (job.status === 'failed')
    return { kind: 'failed', label: STATUS_WORDS.failed, color: 'error', errorLines };
  if (job.status === 'cancelled')
    return { kind: 'cancelled', label: STATUS_WORDS.cancelled, color: 'warning', errorLines };
  if (job.status !== 'completed')
    return {
      kind: 'in-progress',
      label: STATUS_WORDS[job.status],
      color: STATUS_COLORS[job.status],
      errorLines,
    };
  if (job.type === 'export')
    return { kind: 'clean', label: STATUS_WORDS.completed, color: 'success', errorLines };
  if (errorLines === null)
    return { kind: 'counting', label: 'Completed, checking errors', color: 'default', errorLines };
  if (errorLines === 0)
    return { kind: 'clean', label: STATUS_WORDS.completed, color: 'success', errorLines };
  const sent = rowsSent(job);
  if (sent !== null && errorLines >= sent)
    return {
      kind: 'all-refused',
      label: 'Failed: every row was refused',
      color: 'error',
      errorLines,
    };
  return {
    kind: 'with-errors',
    label: `Completed with ${plural(errorLines, 'error', 'errors')}`,
    color: 'warning',
    errorLines,
  };
}
