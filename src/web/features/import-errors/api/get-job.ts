import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { Job } from '../../../../contracts/api';
import { apiPath, apiRequest } from '../../../lib/api-client';

// The job's audit facts (file name, counts) for the errors page header and the source join.
const JobResponse = z.union([z.object({ job: Job }).transform((body) => body.job), Job]);

export async function getJob(jobId: string, signal?: AbortSignal): Promise<Job> {
  return apiRequest(apiPath('jobs', jobId), JobResponse, { signal });
}

export const jobQueryOptions = (jobId: string) =>
  queryOptions({ queryKey: ['jobs', jobId], queryFn: ({ signal }) => getJob(jobId, signal) });

export function useJob(jobId: string) {
  return useQuery(jobQueryOptions(jobId));
}
