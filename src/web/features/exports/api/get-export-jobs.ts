import { queryOptions, useQuery } from '@tanstack/react-query';
import { TERMINAL_JOB_STATUSES } from '../../../../contracts/api';
import type { Job } from '../../../../contracts/api';
import { listJobs } from '../../../lib/list-jobs';
import { awaitsDeviceCount } from '../model/export-rows';
import { EXPORT_LIST_KEY, shareListRead } from './share-export-reads';

/**
 * GET /api/jobs, keeping the exports: the list of past exports comes from their containers'
 * metadata.
 */
export async function getExportJobs(signal?: AbortSignal): Promise<Job[]> {
  const response = await listJobs(signal);
  return response.jobs.filter((job) => job.type === 'export');
}

export const exportJobsQueryOptions = () =>
  queryOptions({
    queryKey: EXPORT_LIST_KEY,
    queryFn: async ({ signal, client }) => shareListRead(client, await getExportJobs(signal)),
    // Poll while a job runs, and while a just-finished export is still being counted by the proxy.
    refetchInterval: (query) =>
      query.state.data?.some(
        (job) => !TERMINAL_JOB_STATUSES.includes(job.status) || awaitsDeviceCount(job, Date.now()),
      )
        ? 5000
        : false,
  });

export function useExportJobs() {
  return useQuery(exportJobsQueryOptions());
}
