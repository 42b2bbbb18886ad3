import { queryOptions, useQuery } from '@tanstack/react-query';
import { TERMINAL_JOB_STATUSES } from '../../../../contracts/api';
import { getJob } from '../../../lib/get-job';
import { exportJobKey, shareJobRead } from './share-export-reads';

export const EXPORT_POLL_MS = 2000;

/** GET /api/jobs/{jobId} every 2 s until the export reaches a terminal state. */
export const exportJobQueryOptions = (jobId: string) =>
  queryOptions({
    queryKey: exportJobKey(jobId),
    queryFn: async ({ signal, client }) => {
      const job = await getJob(jobId, signal);
      shareJobRead(client, job);
      return job;
    },
    refetchInterval: (query) => {
      if (query.state.status === 'error') return false;
      const status = query.state.data?.status;
      return status && TERMINAL_JOB_STATUSES.includes(status) ? false : EXPORT_POLL_MS;
    },
  });

export function useExportJob(jobId: string | null) {
  return useQuery({ ...exportJobQueryOptions(jobId ?? ''), enabled: jobId !== null });
}
