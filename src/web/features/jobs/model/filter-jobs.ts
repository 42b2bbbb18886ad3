import type { Job } from '../../../../contracts/api';
import { describeJobOutcome, type OutcomeKind } from '../../../lib/job-outcome';

// The jobs list's filters, kept in the URL (?type=&outcome=&q=) so a filtered list is a link an
// admin can send to support. Filtering runs over the pages already loaded (at most 1,000
// operations, see lib/list-jobs.ts); the proxy's list has no server-side filter yet.

export type TypeFilter = 'all' | 'import' | 'export';
/** Outcomes as an admin asks for them: "what failed?" covers both kinds of failure. */
export type OutcomeFilter = 'all' | 'running' | 'clean' | 'with-errors' | 'failed' | 'not-started';

export interface JobFilters {
  type: TypeFilter;
  outcome: OutcomeFilter;
  /** Matched, ignoring case, against file name, label, job id, operation id and who started it. */
  search: string;
}

export const OUTCOME_FILTER_LABELS: Record<OutcomeFilter, string> = {
  all: 'Any outcome',
  running: 'Running or queued',
  clean: 'Completed without errors',
  'with-errors': 'Completed with errors',
  failed: 'Failed or cancelled',
  'not-started': 'Not started',
};

const OUTCOME_KINDS: Record<Exclude<OutcomeFilter, 'all'>, readonly OutcomeKind[]> = {
  running: ['in-progress', 'counting'],
  clean: ['clean'],
  'with-errors': ['with-errors'],
  failed: ['failed', 'all-refused', 'cancelled'],
  'not-started': ['not-started'],
};

const TYPE_VALUES: readonly TypeFilter[] = ['all', 'import', 'export'];
const OUTCOME_VALUES = Object.keys(OUTCOME_FILTER_LABELS) as OutcomeFilter[];

export function filtersFromParams(params: URLSearchParams): JobFilters {
  const type = params.get('type');
  const outcome = params.get('outcome');
  return {
    type: TYPE_VALUES.find((value) => value === type) ?? 'all',
    // A list lookup, not `in`: `?outcome=__proto__` must not pass as a filter.
    outcome: OUTCOME_VALUES.find((value) => value === outcome) ?? 'all',
    search: params.get('q') ?? '',
  };
}

export function filtersToParams(filters: JobFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.type !== 'all') params.set('type', filters.type);
  if (filters.outcome !== 'all') params.set('outcome', filters.outcome);
  if (filters.search.trim() !== '') params.set('q', filters.search);
  return params;
}

function matchesSearch(job: Job, needle: string): boolean {
  if (needle === '') return true;
  const haystack = [job.fileName, job.label, job.jobId, job.operationId, job.startedBy?.name];
  return haystack.some((value) => value?.toLowerCase().includes(needle));
}

export function filterJobs(jobs: readonly Job[], filters: JobFilters): Job[] {
  const needle = filters.search.trim().toLowerCase();
  return jobs.filter(
    (job) =>
      (filters.type === 'all' || job.type === filters.type) &&
      (filters.outcome === 'all' ||
        OUTCOME_KINDS[filters.outcome].includes(describeJobOutcome(job).kind)) &&
      matchesSearch(job, needle),
  );
}

/** "create 990", "createOrUpdate 10, delete 2": what the import file asked the hub to do. */
export function describeModes(job: Job): string {
  if (!job.byMode) return '-';
  const entries = Object.entries(job.byMode).filter(([, count]) => count > 0);
  if (entries.length === 0) return '-';
  return entries.map(([mode, count]) => `${mode} ${count.toLocaleString('en-US')}`).join(', ');
}
