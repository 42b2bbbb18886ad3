import { hubError } from '../http/hub-error';
import { hubTime } from '../model/hub-time';
import { isActive, type JobRecord } from './job-record';
import type { JobEnv, RunOutcome } from './job-env';
import { parseJobRequest } from './parse-job-request';
import { validateJobStorage } from './validate-job-storage';
import { runImportJob } from './run-import-job';
import { runExportJob } from './run-export-job';

// Owns the single import/export job slot (docs/reference/hub-wire-contract.md#limits: one active
// job on every tier), runs jobs in the background, cancels between batches, and resumes an
// unfinished job after a restart.
const HISTORY_DAYS = 30;

export interface JobScheduler {
  create(body: unknown): Promise<JobRecord>;
  get(jobId: string): JobRecord | undefined;
  list(): JobRecord[];
  cancel(jobId: string): JobRecord;
  close(): Promise<void>;
}

export type SchedulerEnv = Omit<JobEnv, 'isCancelled'> & {
  newId: () => string;
  log: (line: string) => void;
};

function wasCancelled(job: JobRecord): boolean {
  return job.status === 'cancelled';
}

export function createJobScheduler(env: SchedulerEnv): JobScheduler {
  let active: { job: JobRecord; done: Promise<void> } | undefined;
  let reserved = false;
  let closing = false;

  const finish = (
    job: JobRecord,
    status: 'completed' | 'failed' | 'cancelled',
    failureReason?: string,
  ): void => {
    if (job.status === 'cancelled' && status !== 'cancelled') return;
    job.status = status;
    if (status === 'completed') job.progress = 100;
    if (failureReason) job.failureReason = failureReason;
    job.endTimeUtc ??= hubTime(env.clock());
    env.store.saveJob(job);
  };

  const run = (job: JobRecord): void => {
    const jobEnv: JobEnv = { ...env, isCancelled: () => closing || job.status === 'cancelled' };
    const done = (async () => {
      await Promise.resolve();
      if (job.status === 'cancelled') return;
      job.status = 'running';
      env.store.saveJob(job);
      let outcome: RunOutcome;
      try {
        outcome =
          job.type === 'import' ? await runImportJob(job, jobEnv) : await runExportJob(job, jobEnv);
      } catch (error) {
        if (closing) return;
        env.log(`job ${job.jobId} failed: ${(error as Error).message}`);
        finish(job, 'failed', `The ${job.type} job failed: ${(error as Error).message}`);
        return;
      }
      // A shutdown interrupts the job without ending it; the next start resumes it.
      if (closing && !wasCancelled(job)) return;
      finish(job, outcome);
    })().finally(() => {
      if (active?.job === job) active = undefined;
    });
    active = { job, done };
  };

  env.store.deleteJobsStartedBefore(
    hubTime(new Date(env.clock().getTime() - HISTORY_DAYS * 86_400_000)),
  );
  const unfinished = env.store.listJobs().filter(isActive);
  for (const job of unfinished.slice(0, -1))
    finish(job, 'failed', 'The job was interrupted and superseded by a later job.');
  const resumable = unfinished.at(-1);
  if (resumable) {
    env.log(`resuming ${resumable.type} job ${resumable.jobId} at byte ${resumable.position}`);
    run(resumable);
  }

  return {
    async create(body) {
      const { type, request } = parseJobRequest(body);
      // A cancelled job frees the slot at once, as its status says, even while its runner is still
      // finishing the batch in flight (cancel stops between batches).
      if ((active && isActive(active.job)) || reserved)
        throw hubError('JobQuotaExceeded', 'Job quota has been exceeded');
      reserved = true;
      try {
        await validateJobStorage(type, request, env.openContainer);
        const job: JobRecord = {
          jobId: env.newId(),
          type,
          status: 'enqueued',
          progress: 0,
          startTimeUtc: hubTime(env.clock()),
          request,
          position: 0,
          totalBytes: 0,
          errorCount: 0,
        };
        env.store.saveJob(job);
        // The create response shows the job as created (enqueued), before the runner touches it.
        const created = structuredClone(job);
        run(job);
        return created;
      } finally {
        reserved = false;
      }
    },
    get: (jobId) => (active?.job.jobId === jobId ? active.job : env.store.getJob(jobId)),
    list: () =>
      env.store.listJobs().map((job) => (active?.job.jobId === job.jobId ? active.job : job)),
    cancel(jobId) {
      const job = active?.job.jobId === jobId ? active.job : env.store.getJob(jobId);
      if (!job) throw hubError('JobNotFound', `Job with ID '${jobId}' not found.`);
      // Cancelling a finished job leaves it as it is (a choice, docs/hub-emulator.md).
      if (isActive(job)) finish(job, 'cancelled');
      return job;
    },
    async close() {
      closing = true;
      await active?.done;
    },
  };
}
