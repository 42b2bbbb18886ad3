import { describe, expect, it } from 'vitest';
import type { Job } from '../../../../src/contracts/api';
import { configureApiClient } from '../../../../src/web/lib/api-client';
import { listJobs } from '../../../../src/web/lib/list-jobs';
import { importJob } from '../support/import-job';

function job(n: number): Job {
  return importJob({
    jobId: `job-${n}`,
    operationId: `import-20261204-${String(n).padStart(10, 'a')}`,
    rowCounts: { total: 1, valid: 1, invalid: 0, blank: 0 },
    byMode: { create: 1 },
  });
}

/** A proxy with `pages` pages of two jobs each; records the query strings it was asked. */
function pagedProxy(pages: number): string[] {
  const asked: string[] = [];
  configureApiClient({
    getAccessToken: null,
    fetch: async (input) => {
      const url = new URL(String(input), 'http://proxy.test');
      asked.push(url.search);
      const page = Number(url.searchParams.get('continuation') ?? '0');
      const continuation = page + 1 < pages ? String(page + 1) : null;
      const body = { jobs: [job(page * 2), job(page * 2 + 1)], continuation };
      return new Response(JSON.stringify(body), { status: 200 });
    },
  });
  return asked;
}

describe('listJobs', () => {
  it('follows the continuation to the last page and says nothing is left out', async () => {
    const asked = pagedProxy(3);
    const result = await listJobs();
    expect(result.jobs.map((j) => j.jobId)).toEqual([0, 1, 2, 3, 4, 5].map((n) => `job-${n}`));
    expect(result.more).toBe(false);
    expect(asked).toEqual(['?limit=200', '?limit=200&continuation=1', '?limit=200&continuation=2']);
  });

  it('stops at the page bound and says older operations exist', async () => {
    const asked = pagedProxy(10);
    const result = await listJobs(undefined, 2);
    expect(result.jobs).toHaveLength(4);
    expect(result.more).toBe(true);
    expect(asked).toHaveLength(2);
  });
});
