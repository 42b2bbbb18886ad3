import { z } from 'zod';
import { CreateExportResponse, Job } from '../../../../contracts/api';
import { apiPath, apiRequest } from '../../../lib/api-client';
import { listJobs } from '../../../lib/list-jobs';

// The export calls a large plan makes (docs/plan-and-undo.md): find a recent export with keys,
// or start one and follow it. The exports feature has its own; features never import each other.

const JobResponse = z.union([z.object({ job: Job }).transform((body) => body.job), Job]);

/**
 * This hub's newest operations: the exports to choose from, and the imports started since, which
 * make an export out of date.
 */
export async function listRecentOperations(signal?: AbortSignal): Promise<Job[]> {
  return (await listJobs(signal, 1)).jobs;
}

/** POST /api/exports with keys: it takes the hub's one import/export job slot until it ends. */
export async function startKeyExport(signal?: AbortSignal): Promise<Job> {
  const response = await apiRequest('/api/exports', CreateExportResponse, {
    method: 'POST',
    body: { excludeKeys: false, includeConfigurations: false, label: 'Snapshot for a plan' },
    signal,
  });
  return response.job;
}

export async function readJob(ref: string, signal?: AbortSignal): Promise<Job> {
  return apiRequest(apiPath('jobs', ref), JobResponse, { signal });
}
