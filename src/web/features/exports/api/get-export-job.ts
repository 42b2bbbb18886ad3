import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { Job, TERMINAL_JOB_STATUSES } from '../../../../contracts/api';
import { apiPath, apiRequest } from '../../../lib/api-client';
import { exportJobKey, shareJobRead } from './share-export-reads';

// Accept `{ job }` and a bare Job, as the jobs feature does: the contract names no wrapper here.
const JobResponse = z.union([z.object({ job: Job }).transform((body) => body.job), Job]);

export const EXPORT_POLL_MS = 2000;

export async function getExportJob(jobId: string, signal?: AbortSignal): Promise<Job> {
  return apiRequest(apiPath('jobs', jobId), JobResponse, { signal });
}

/** GET /api/jobs/{jobId} every 2 s until the export reaches a terminal state. */
export const exportJobQueryOptions = (jobId: string) =>
  queryOptions({
    queryKey: exportJobKey(jobId),
    queryFn: async ({ signal, client }) => {
      const job = await getExportJob(jobId, signal);
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
