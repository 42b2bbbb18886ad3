import { describe, expect, it } from 'vitest';
import type { Job } from '../../../../../../src/contracts/api';
import {
  describeModes,
  filterJobs,
  filtersFromParams,
  filtersToParams,
} from '../../../../../../src/web/features/jobs/model/filter-jobs';
import { importJob } from '../../../support/import-job';

const base: Job = importJob({
  startedBy: { objectId: 'oid-ada', name: 'Ada Admin' },
  fileName: 'plant-7.csv',
});

const clean = base;
const withErrors: Job = { ...base, jobId: 'job-2', fileName: 'b.csv', errorLineCount: 3 };
const allRefused: Job = { ...base, jobId: 'job-3', fileName: 'c.csv', errorLineCount: 15 };
const running: Job = { ...base, jobId: 'job-4', status: 'running', errorLineCount: null };
const anExport: Job = { ...base, jobId: 'job-5', type: 'export', fileName: null, byMode: null };
const all = [clean, withErrors, allRefused, running, anExport];

const ids = (jobs: Job[]) => jobs.map((job) => job.jobId);

describe('filterJobs', () => {
  it('keeps every job with no filter', () => {
    expect(ids(filterJobs(all, { type: 'all', outcome: 'all', search: '' }))).toEqual(ids(all));
  });

  it('filters by type', () => {
    expect(ids(filterJobs(all, { type: 'export', outcome: 'all', search: '' }))).toEqual(['job-5']);
  });

  it('counts an import whose every row was refused as failed, not as completed', () => {
    const failed = filterJobs(all, { type: 'all', outcome: 'failed', search: '' });
    expect(ids(failed)).toEqual(['job-3']);
    const clean = filterJobs(all, { type: 'import', outcome: 'clean', search: '' });
    expect(ids(clean)).toEqual(['job-1']);
    const partly = filterJobs(all, { type: 'all', outcome: 'with-errors', search: '' });
    expect(ids(partly)).toEqual(['job-2']);
  });

  it('searches file name, ids and who started it, ignoring case', () => {
    expect(ids(filterJobs(all, { type: 'all', outcome: 'all', search: 'PLANT' }))).toEqual([
      'job-1',
      'job-4',
    ]);
    expect(ids(filterJobs(all, { type: 'all', outcome: 'all', search: 'job-2' }))).toEqual([
      'job-2',
    ]);
    expect(filterJobs(all, { type: 'all', outcome: 'all', search: 'ada' })).toHaveLength(5);
  });
});

describe('filters in the URL', () => {
  it('round-trip, and unknown values fall back to all', () => {
    const filters = { type: 'import', outcome: 'with-errors', search: 'plant' } as const;
    expect(filtersFromParams(filtersToParams(filters))).toEqual(filters);
    expect(filtersFromParams(new URLSearchParams('type=bogus&outcome=__proto__'))).toEqual({
      type: 'all',
      outcome: 'all',
      search: '',
    });
  });
});

describe('describeModes', () => {
  it('lists the modes the file used with their counts', () => {
    expect(describeModes({ ...base, byMode: { createOrUpdate: 10, delete: 2, update: 0 } })).toBe(
      'createOrUpdate 10, delete 2',
    );
    expect(describeModes(anExport)).toBe('-');
  });
});
