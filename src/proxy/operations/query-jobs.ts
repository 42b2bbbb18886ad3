import { TERMINAL_JOB_STATUSES, type HubInfoResponse, type Job } from '../../contracts/api/jobs';
import { ApiError } from '../http/api-error';
import { callHub, HubRequestError } from '../hub/hub-errors';
import type { HubJob } from '../hub/hub-jobs';
import { isOperationId } from '../storage/operation-names';
import type { StoredOperation } from '../storage/operation-storage';
import { findActiveJob } from './active-job';
import { adoptClaimedJob } from './adopt-claimed-job';
import { assertJobRef, findOperation } from './find-operation';
import type { ProxyContext } from './proxy-context';
import { recordFinalStatuses } from './record-final-status';
import { isImportExport, toJob, toJobStatus } from './to-job';

export interface JobListPage {
  jobs: Job[];
  continuation: string | null;
}

/**
 * One page of the operations index, newest first, merged with the hub's job list (one hub call):
 * only the page's own jobs and, on the first page, the job holding the hub's slot when the console
 * did not start it. The cost does not grow with history (docs/proxy.md, "Operations index").
 */
export async function listJobs(
  context: ProxyContext,
  page: { limit: number; continuation?: string },
): Promise<JobListPage> {
  const [indexed, hubJobs] = await Promise.all([
    context.index.page(page.limit, page.continuation),
    callHub(() => context.hub.listJobs()),
  ]);
  const byId = new Map(hubJobs.filter(isImportExport).map((job) => [job.jobId, job]));
  // A list must not fail for one operation's adoption; its poll retries it and says why.
  const operations = await Promise.all(
    indexed.operations.map((operation) =>
      withAdoptedJob(context, operation, (work) => work().catch(() => undefined), hubJobs),
    ),
  );
  const pairs = operations.flatMap((operation) => {
    const hubJob = operation.metadata.jobId ? byId.get(operation.metadata.jobId) : undefined;
    return hubJob ? [{ hubJob, operation }] : [];
  });
  await recordFinalStatuses(context, pairs);
  const jobs = operations.map((operation) => {
    const jobId = operation.metadata.jobId;
    const hubJob = jobId ? byId.get(jobId) : undefined;
    return toJob(hubJob, operation, Boolean(jobId) && !hubJob);
  });
  const active = page.continuation ? undefined : findActiveJob(hubJobs);
  if (active && !jobs.some((job) => job.jobId === active.jobId)) {
    // Ours but on a later page (rare: the slot holder is almost always recent) stays there.
    if (!(await context.index.byJobId(active.jobId))) jobs.unshift(toJob(active, undefined));
  }
  return { jobs, continuation: indexed.continuation };
}

/**
 * The operation with the job a claimed start created but could not record
 * (docs/proxy.md#how-start-is-made-idempotent), adopted now; unchanged when it has no such claim,
 * which costs nothing.
 */
async function withAdoptedJob(
  context: ProxyContext,
  operation: StoredOperation,
  guard: <T>(work: () => Promise<T>) => Promise<T | undefined>,
  hubJobs?: HubJob[],
): Promise<StoredOperation> {
  if (!operation.metadata.startClaimedAt || operation.metadata.jobId) return operation;
  const adoption = await guard(() => adoptClaimedJob(context, operation, hubJobs));
  return adoption?.kind === 'adopted' ? adoption.operation : operation;
}

/** The hub's view of one job, or undefined when it no longer (or never) knew it. */
async function hubJobOrNothing(context: ProxyContext, jobId: string): Promise<HubJob | undefined> {
  try {
    return await context.hub.getJob(jobId);
  } catch (error) {
    if (error instanceof HubRequestError && error.status === 404) return undefined;
    return callHub(() => Promise.reject(error));
  }
}

/** A poll: one point read in the operations index plus at most one hub call. */
export async function getJob(context: ProxyContext, ref: string): Promise<Job> {
  assertJobRef(ref);
  const indexed = isOperationId(ref)
    ? await context.index.byOperationId(ref)
    : await context.index.byJobId(ref);
  const operation = indexed && (await withAdoptedJob(context, indexed, callHub));
  const jobId = isOperationId(ref) ? operation?.metadata.jobId : ref;
  // The monitor's fresh sighting answers most polls, so watchers do not multiply hub calls.
  const monitored = jobId
    ? context.monitoredJobs?.()?.find((job) => job.jobId === jobId)
    : undefined;
  const hubJob = jobId ? (monitored ?? (await hubJobOrNothing(context, jobId))) : undefined;
  if (hubJob && !monitored && !TERMINAL_JOB_STATUSES.includes(toJobStatus(hubJob.status)))
    context.nudgeMonitor?.();
  if (hubJob && !isImportExport(hubJob))
    throw new ApiError(404, 'JOB_NOT_FOUND', 'No such import or export job.');
  if (!hubJob && !operation) throw new ApiError(404, 'JOB_NOT_FOUND', 'No such job.');
  if (hubJob && operation) await recordFinalStatuses(context, [{ hubJob, operation }]);
  return toJob(hubJob, operation, Boolean(jobId) && !hubJob);
}

export async function cancelJob(context: ProxyContext, ref: string): Promise<Job> {
  const operation = await findOperation(context, ref);
  // An operation that does not exist has no job to end: that is a 404, like any unknown id, and
  // 409 stays for an operation that exists but was never started.
  if (isOperationId(ref) && !operation)
    throw new ApiError(404, 'OPERATION_NOT_FOUND', 'No such operation.');
  const jobId = isOperationId(ref) ? operation?.metadata.jobId : ref;
  if (!jobId) throw new ApiError(409, 'JOB_NOT_ACTIVE', 'This operation has no running job.');
  const hubJob = await hubJobOrNothing(context, jobId);
  if (!hubJob || !isImportExport(hubJob))
    throw new ApiError(404, 'JOB_NOT_FOUND', 'The hub does not know this job.');
  const status = toJobStatus(hubJob.status);
  if (status === 'completed' || status === 'failed' || status === 'cancelled') {
    throw new ApiError(409, 'JOB_NOT_ACTIVE', `The job has already ended (${status}).`, { status });
  }
  await callHub(() => context.hub.cancelJob(jobId));
  const after = await hubJobOrNothing(context, jobId);
  return toJob(after ?? { ...hubJob, status: 'cancelled' }, operation);
}

export async function getHubInfo(context: ProxyContext): Promise<HubInfoResponse> {
  // The monitor's fresh sighting names the slot's holder, so open overviews add no job list calls.
  const monitored = context.monitoredJobs?.();
  const [statistics, jobs] = await Promise.all([
    callHub(() => context.hub.getDeviceStatistics()),
    monitored ? [...monitored] : callHub(() => context.hub.listJobs()),
  ]);
  const active = findActiveJob(jobs);
  return {
    hostName: context.hub.hostName,
    statistics: {
      totalDeviceCount: Math.max(0, statistics.totalDeviceCount),
      enabledDeviceCount: Math.max(0, statistics.enabledDeviceCount),
      disabledDeviceCount: Math.max(0, statistics.disabledDeviceCount),
    },
    activeJob: active
      ? {
          jobId: active.jobId,
          type: active.type.toLowerCase() === 'export' ? 'export' : 'import',
          status: toJobStatus(active.status),
        }
      : null,
  };
}
