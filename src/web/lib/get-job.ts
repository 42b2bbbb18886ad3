import { Job } from '../../contracts/api';
import { apiPath, apiRequest } from './api-client';

/**
 * GET /api/jobs/{ref}: one job, by hub job id or operation id, as the contract gives it (a bare
 * Job: src/contracts/api/openapi-routes.ts). The one read every page uses; what they differ in
 * (polling, cache keys, sharing) stays with each.
 */
export function getJob(ref: string, signal?: AbortSignal): Promise<Job> {
  return apiRequest(apiPath('jobs', ref), Job, { signal });
}
