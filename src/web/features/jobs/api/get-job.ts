import { queryOptions } from '@tanstack/react-query';
import { getJob } from '../../../lib/get-job';

// No retries and no interval here: use-followed-job.ts decides when to ask again, so each failed
// poll is one step of its backoff (job-follow-state.ts).
export const jobQueryOptions = (jobId: string) =>
  queryOptions({
    queryKey: ['jobs', jobId],
    queryFn: ({ signal }) => getJob(jobId, signal),
    retry: false,
  });
