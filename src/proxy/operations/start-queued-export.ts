import type { Job } from '../../contracts/api/jobs';
import type { Principal } from '../auth/bearer-verifier';
import { ApiError } from '../http/api-error';
import { callHub, HubRequestError } from '../hub/hub-errors';
import type { HubJob } from '../hub/hub-jobs';
import type { OperationMetadata } from '../storage/operation-metadata';
import { isOperationId } from '../storage/operation-names';
import type { StoredOperation } from '../storage/operation-storage';
import { adoptClaimedJob } from './adopt-claimed-job';
import { createExportJob } from './create-export-job';
import { claimExpired, newestJobStart } from './find-claimed-job';
import type { ProxyContext } from './proxy-context';
import { toJob } from './to-job';

// The queue worker's start of a queued export (docs/proxy.md, "Queue and monitor"). The export's
// container and metadata were written when it was queued, so it already has its operation id, and
// the start follows the import's idempotent path (start-import.ts) rather than start-export.ts's
// create-and-start in one request: under a container lease it claims the operation
// (startClaimedAt) before asking the hub, records the job's id after, and a retry or a second
// worker that finds a claim without a job adopts the job the hub has instead of creating another.
export interface StartedExport {
  job: Job;
  outcome: 'created' | 'adopted' | 'existing';
}

const notFound = (): ApiError => new ApiError(404, 'OPERATION_NOT_FOUND', 'No such export.');
const inProgress = (): ApiError =>
  new ApiError(
    409,
    'START_IN_PROGRESS',
    'This export is being started by another request; follow it in the Jobs list.',
  );

type Claim =
  { kind: 'claimed'; metadata: OperationMetadata } | { kind: 'resolved'; started: StartedExport };

export async function startQueuedExport(
  context: ProxyContext,
  principal: Principal,
  operationId: string,
): Promise<StartedExport> {
  if (!isOperationId(operationId) || !operationId.startsWith('export-')) throw notFound();
  const before = await readExport(context, operationId);
  if (before.jobId) return existing(context, { operationId, metadata: before });
  const claim = await context.storage.withLease(operationId, () =>
    claimUnderLease(context, principal, operationId),
  );
  if (!claim) throw inProgress();
  if (claim.value.kind === 'resolved') return claim.value.started;
  const claimed = claim.value.metadata;
  const created = await createExportJob(context, operationId, claimed);
  if (!created.ok) {
    // A definite refusal made no job: the claim goes, the queued operation stays for the next try.
    if (!created.mayExist) {
      const {
        startClaimedAt: _at,
        startClaimedByOid: _by,
        startClaimedAfterJobAt: _after,
        ...unclaimed
      } = claimed;
      await context.storage.writeOperation(operationId, unclaimed).catch(() => undefined);
    }
    throw created.error;
  }
  const recorded: OperationMetadata = {
    ...claimed,
    jobId: created.hubJob.jobId,
    jobStartedAt: context.now().toISOString(),
    jobStartedByOid: principal.objectId,
  };
  // If this write fails the job runs unrecorded; the claim lets the next start adopt it.
  await context.storage.writeOperation(operationId, recorded);
  return started(created.hubJob, { operationId, metadata: recorded }, 'created');
}

async function claimUnderLease(
  context: ProxyContext,
  principal: Principal,
  operationId: string,
): Promise<Claim> {
  // Read again under the lease: another start may have finished since the first read.
  const metadata = await readExport(context, operationId);
  if (metadata.jobId)
    return { kind: 'resolved', started: await existing(context, { operationId, metadata }) };
  if (metadata.startClaimedAt) {
    const adoption = await callHub(() => adoptClaimedJob(context, { operationId, metadata }));
    if (adoption.kind === 'adopted')
      return { kind: 'resolved', started: started(adoption.hubJob, adoption.operation, 'adopted') };
    if (adoption.kind === 'ambiguous')
      throw new ApiError(
        409,
        'START_UNCERTAIN',
        'An earlier start of this export may have created a hub job, and more than one job matches. ' +
          'It was not started again; check the hub jobs listed in the details.',
        { jobIds: adoption.jobIds },
      );
    if (!claimExpired(metadata.startClaimedAt, context.now())) throw inProgress();
  }
  const newest = newestJobStart(await callHub(() => context.hub.listJobs()));
  const claimed: OperationMetadata = {
    ...metadata,
    startClaimedAt: context.now().toISOString(),
    startClaimedByOid: principal.objectId,
    ...(newest ? { startClaimedAfterJobAt: newest } : { startClaimedAfterJobAt: undefined }),
  };
  await context.storage.writeOperation(operationId, claimed);
  return { kind: 'claimed', metadata: claimed };
}

async function readExport(context: ProxyContext, operationId: string): Promise<OperationMetadata> {
  const metadata = await context.storage.readOperation(operationId);
  if (!metadata || metadata.kind !== 'export') throw notFound();
  return metadata;
}

async function existing(context: ProxyContext, operation: StoredOperation): Promise<StartedExport> {
  try {
    return started(await context.hub.getJob(operation.metadata.jobId ?? ''), operation, 'existing');
  } catch (error) {
    // The hub forgets jobs after 30 days; the operation still names its job.
    if (error instanceof HubRequestError && error.status === 404)
      return { job: toJob(undefined, operation, true), outcome: 'existing' };
    return callHub(() => Promise.reject(error));
  }
}

const started = (
  hubJob: HubJob,
  operation: StoredOperation,
  outcome: StartedExport['outcome'],
): StartedExport => ({ job: toJob(hubJob, operation), outcome });
