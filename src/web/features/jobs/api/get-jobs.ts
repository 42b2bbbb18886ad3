import { queryOptions, useQuery } from '@tanstack/react-query';
import { TERMINAL_JOB_STATUSES } from '../../../../contracts/api';
import { listJobs, type JobPages } from '../../../lib/list-jobs';

export async function getJobs(signal?: AbortSignal): Promise<JobPages> {
  return listJobs(signal);
}

export const jobsQueryOptions = () =>
  queryOptions({
    queryKey: ['jobs'],
    queryFn: ({ signal }) => getJobs(signal),
    // Keep the list live while any job still runs; stop polling when all are terminal.
    refetchInterval: (query) =>
      query.state.data?.jobs.some((job) => !TERMINAL_JOB_STATUSES.includes(job.status))
        ? 5000
        : false,
  });

export function useJobs() {
  return useQuery(jobsQueryOptions());
}
