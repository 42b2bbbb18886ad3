import { describe, expect, it } from 'vitest';
import { HubRequestError } from '../../../../src/proxy/hub/hub-errors';
import type { HubJob, HubJobsClient } from '../../../../src/proxy/hub/hub-jobs';
import { checkJobSlot } from '../../../../src/proxy/setup-check/check-job-slot';

const hubListing = (jobs: () => Promise<HubJob[]>) => ({
  hub: { listJobs: jobs } as HubJobsClient,
});

describe('checkJobSlot', () => {
  it('warns, naming the job, when an import or export holds the slot', async () => {
    const check = await checkJobSlot(
      hubListing(async () => [
        { jobId: 'done', type: 'export', status: 'completed' },
        { jobId: 'j-1', type: 'import', status: 'running', startTimeUtc: '2026-12-08T00:00:00Z' },
      ]),
    );
    expect(check).toMatchObject({ status: 'warning', code: 'JOB_SLOT_BUSY' });
    expect(check.summary).toContain('import job j-1 (running, since 2026-12-08T00:00:00Z)');
  });

  it('is ok when only finished jobs and other job types are listed', async () => {
    const check = await checkJobSlot(
      hubListing(async () => [
        { jobId: 'done', type: 'import', status: 'failed' },
        { jobId: 'twin', type: 'scheduleUpdateTwin', status: 'running' },
      ]),
    );
    expect(check.status).toBe('ok');
  });

  it('leaves a hub refusal to the hub check', async () => {
    const check = await checkJobSlot(
      hubListing(() => Promise.reject(new HubRequestError(401, 'IotHubUnauthorizedAccess', 'no'))),
    );
    expect(check.status).toBe('skipped');
  });
});
