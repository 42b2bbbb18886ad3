import { TERMINAL_JOB_STATUSES } from '../../contracts/api/jobs';
import { ApiError } from '../http/api-error';
import { HubRequestError, toApiError } from '../hub/hub-errors';
import type { HubJob, HubJobsClient } from '../hub/hub-jobs';
import { isImportExport, toJobStatus } from './to-job';

export function findActiveJob(jobs: HubJob[]): HubJob | undefined {
  return jobs.find(
    (job) => isImportExport(job) && !TERMINAL_JOB_STATUSES.includes(toJobStatus(job.status)),
  );
}

/**
 * Creates a hub job; when the hub's single import/export slot is taken (403 JobQuotaExceeded,
 * docs/reference/hub-wire-contract.md#recorded-traffic) answers 409 JOB_SLOT_BUSY naming the job
 * that holds it, so the UI can link to it.
 */
export async function createHubJobOrExplain(
  hub: HubJobsClient,
  create: () => Promise<HubJob>,
): Promise<HubJob> {
  try {
    return await create();
  } catch (error) {
    if (!(error instanceof HubRequestError)) throw error;
    const apiError = toApiError(error);
    if (apiError.code !== 'JOB_SLOT_BUSY') throw apiError;
    const active = await hub.listJobs().then(findActiveJob, () => undefined);
    throw new ApiError(409, 'JOB_SLOT_BUSY', apiError.message, {
      activeJobId: active?.jobId ?? null,
    });
  }
}
