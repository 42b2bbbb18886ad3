import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { Job, TERMINAL_JOB_STATUSES } from '../../../../contracts/api';
import { apiPath, apiRequest } from '../../../lib/api-client';

// The contract names no wrapper for GET /api/jobs/{jobId}; accept `{ job }` (like the start and
// export responses) and a bare Job, so either proxy shape works.
const JobResponse = z.union([z.object({ job: Job }).transform((body) => body.job), Job]);

export async function getJob(jobId: string, signal?: AbortSignal): Promise<Job> {
  return apiRequest(apiPath('jobs', jobId), JobResponse, { signal });
}

export const JOB_POLL_MS = 2000;

export const jobQueryOptions = (jobId: string) =>
  queryOptions({
    queryKey: ['jobs', jobId],
    queryFn: ({ signal }) => getJob(jobId, signal),
    refetchInterval: (query) => {
      // After a failed load (unknown job, no access) stop asking; the page offers "Try again".
      if (query.state.status === 'error') return false;
      // An operation that was never started has nothing to follow until someone starts it.
      if (query.state.data && query.state.data.jobId === null) return false;
      const status = query.state.data?.status;
      return status && TERMINAL_JOB_STATUSES.includes(status) ? false : JOB_POLL_MS;
    },
  });

export function useJob(jobId: string) {
  return useQuery(jobQueryOptions(jobId));
}
