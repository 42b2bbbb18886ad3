import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJob } from '../../../lib/get-job';

// The job's audit facts (file name, counts) for the errors page header and the source join.

export const jobQueryOptions = (jobId: string) =>
  queryOptions({ queryKey: ['jobs', jobId], queryFn: ({ signal }) => getJob(jobId, signal) });

export function useJob(jobId: string) {
  return useQuery(jobQueryOptions(jobId));
}
