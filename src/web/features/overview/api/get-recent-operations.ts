import { queryOptions, useQuery } from '@tanstack/react-query';
import { TERMINAL_JOB_STATUSES } from '../../../../contracts/api';
import { listJobs } from '../../../lib/list-jobs';

// The overview needs the newest operations only: one page, not the jobs list's five.
export const recentOperationsQueryOptions = () =>
  queryOptions({
    queryKey: ['jobs', 'recent'],
    queryFn: ({ signal }) => listJobs(signal, 1),
    refetchInterval: (query) =>
      query.state.data?.jobs.some((job) => !TERMINAL_JOB_STATUSES.includes(job.status))
        ? 5000
        : 30_000,
  });

export function useRecentOperations() {
  return useQuery(recentOperationsQueryOptions());
}
