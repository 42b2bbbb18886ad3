import { randomUUID } from 'node:crypto';
import { TERMINAL_JOB_STATUSES } from '../../contracts/api/jobs';
import { HubRequestError } from '../hub/hub-errors';
import type { HubJob } from '../hub/hub-jobs';
import type { ProxyLog } from '../http/request-log';
import type { IndexTable } from '../operations-index/index-table-client';
import type { ProxyContext } from '../operations/proxy-context';
import { recordFinalStatuses } from '../operations/record-final-status';
import { isImportExport, toJobStatus } from '../operations/to-job';
import {
  readHubJobsSnapshot,
  writeHubJobsSnapshot,
  type HubJobsSnapshot,
} from './hub-jobs-snapshot';
import { claimMonitorLease } from './monitor-lease';
import { DEFAULT_POLL_TIMING, nextPollDelay, type PollTiming } from './poll-delay';

// The server-side job monitor (docs/proxy.md, "Queue and monitor"). One proxy of the group, the
// holder of the monitor lease, asks the hub for its job list once per round, whatever the number
// of browsers watching; it writes what it saw to the operations index and records the terminal
// state (and, through record-final-status.ts, the error-line count) of the console's own jobs.
// The other proxies read that row once per round. Every proxy answers its browsers' polls from the
// latest snapshot while it is fresh, and asks the hub itself only when it is not.

export interface JobMonitorOptions {
  timing?: Partial<PollTiming>;
  /** How long the lease lasts unrenewed: longer than the longest backoff, so a throttled holder
   * keeps it instead of handing the polling to a second proxy. 90 s by default. */
  leaseMs?: number;
  /** How long an ended job stays in the snapshot, so followers see its end; 10 min by default. */
  keepEndedMs?: number;
}

export interface JobMonitor {
  /** The hub's jobs as last seen, while the snapshot is fresh; undefined otherwise. */
  fresh(): HubJobsSnapshot | undefined;
  /** Looks again now rather than at the next idle round: a job the snapshot lacks was seen. */
  nudge(): void;
  stop(): Promise<void>;
}

/** Ended jobs kept at most, so the row stays far below the table's 64 KiB property limit. */
const MAX_JOBS = 50;

const isRunning = (job: HubJob): boolean =>
  !TERMINAL_JOB_STATUSES.includes(toJobStatus(job.status));

export function startJobMonitor(
  deps: { context: ProxyContext; table: IndexTable; partitionKey: string; log: ProxyLog },
  options: JobMonitorOptions = {},
): JobMonitor {
  const { context, table, partitionKey, log } = deps;
  const timing = { ...DEFAULT_POLL_TIMING, ...options.timing };
  const leaseMs = options.leaseMs ?? 90_000;
  const keepEndedMs = options.keepEndedMs ?? 10 * 60_000;
  const holder = randomUUID();
  let latest: { snapshot: HubJobsSnapshot; validUntilMs: number } | undefined;
  let failures = 0;

  const observe = async (): Promise<HubJobsSnapshot | undefined> => {
    const now = context.now();
    if (!(await claimMonitorLease(table, partitionKey, holder, now, leaseMs)))
      return readHubJobsSnapshot(table, partitionKey);
    const jobs = (await context.hub.listJobs()).filter(isImportExport);
    const kept = jobs
      .filter((job) => {
        if (isRunning(job)) return true;
        const ended = job.endTimeUtc ? Date.parse(job.endTimeUtc) : Number.NaN;
        return !Number.isNaN(ended) && now.getTime() - ended < keepEndedMs;
      })
      .slice(0, MAX_JOBS);
    const delay = nextPollDelay(timing, { jobRunning: kept.some(isRunning), failures: 0 });
    // The writer vouches for what it saw until its next round is due, with one active interval of
    // grace for that round's own duration; readers go by this, not by their own pace.
    const snapshot: HubJobsSnapshot = {
      observedAt: now.toISOString(),
      validUntil: new Date(now.getTime() + delay + timing.activeMs).toISOString(),
      jobs: kept,
    };
    await writeHubJobsSnapshot(table, partitionKey, snapshot);
    // The console's jobs that ended get their terminal state recorded now, not on a browser's poll.
    const pairs = await Promise.all(
      kept
        .filter((job) => !isRunning(job))
        .map(async (hubJob) => {
          const operation = await context.index.byJobId(hubJob.jobId);
          return operation && !operation.metadata.finalStatus ? [{ hubJob, operation }] : [];
        }),
    );
    await recordFinalStatuses(context, pairs.flat());
    return snapshot;
  };

  const round = async (): Promise<number> => {
    let running = latest?.snapshot.jobs.some(isRunning) ?? false;
    try {
      const snapshot = await observe();
      failures = 0;
      if (snapshot) {
        running = snapshot.jobs.some(isRunning);
        latest = { snapshot, validUntilMs: Date.parse(snapshot.validUntil) };
      }
      // A reader keeps the writer's pace while a job runs, so its copy is as fresh as the row.
      return nextPollDelay(timing, { jobRunning: running, failures });
    } catch (error) {
      failures++;
      const retryAfterMs = error instanceof HubRequestError ? error.retryAfterMs : undefined;
      log({
        level: 'warn',
        msg: 'job monitor round failed',
        code: error instanceof HubRequestError ? `HUB_${error.status}` : 'STORAGE_OR_INTERNAL',
        retryAfterMs,
      });
      return nextPollDelay(timing, { jobRunning: running, failures, retryAfterMs });
    }
  };

  let stopped = false;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (!stopped) {
      const pause = await round();
      if (stopped) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, pause).unref();
      });
    }
  })();
  return {
    fresh() {
      if (!latest || context.now().getTime() > latest.validUntilMs) return undefined;
      return latest.snapshot;
    },
    nudge() {
      wake?.();
    },
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
