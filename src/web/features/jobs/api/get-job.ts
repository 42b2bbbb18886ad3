import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { Job } from '../../../../contracts/api';
import { apiPath, apiRequest } from '../../../lib/api-client';

// The contract names no wrapper for GET /api/jobs/{jobId}; accept `{ job }` (like the start and
// export responses) and a bare Job, so either proxy shape works.
const JobResponse = z.union([z.object({ job: Job }).transform((body) => body.job), Job]);

export async function getJob(jobId: string, signal?: AbortSignal): Promise<Job> {
  return apiRequest(apiPath('jobs', jobId), JobResponse, { signal });
}

// No retries and no interval here: use-followed-job.ts decides when to ask again, so each failed
// poll is one step of its backoff (job-follow-state.ts).
export const jobQueryOptions = (jobId: string) =>
  queryOptions({
    queryKey: ['jobs', jobId],
    queryFn: ({ signal }) => getJob(jobId, signal),
    retry: false,
  });
