import { JobListResponse, type Job } from '../../contracts/api';
import { apiRequest } from './api-client';

// GET /api/jobs is paged (the proxy's operations index, docs/proxy.md "Operations index"). The
// jobs and exports lists read the newest pages up to a bound, so a hub with a long history costs a
// few requests, and say when older operations were left out.
const PAGE_SIZE = 200;
const MAX_PAGES = 5;

export interface JobPages {
  jobs: Job[];
  /** True when older operations exist beyond the pages read. */
  more: boolean;
}

export async function listJobs(signal?: AbortSignal, maxPages = MAX_PAGES): Promise<JobPages> {
  const jobs: Job[] = [];
  let continuation: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (continuation !== null) query.set('continuation', continuation);
    const response: JobListResponse = await apiRequest(`/api/jobs?${query}`, JobListResponse, {
      signal,
    });
    jobs.push(...response.jobs);
    continuation = response.continuation;
    if (continuation === null) return { jobs, more: false };
  }
  return { jobs, more: true };
}
