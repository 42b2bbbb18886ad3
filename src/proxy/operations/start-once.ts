import type { Principal } from '../auth/bearer-verifier';
import { ApiError } from '../http/api-error';
import { callHub, HubRequestError } from '../hub/hub-errors';
import type { HubJob } from '../hub/hub-jobs';
import type { OperationMetadata } from '../storage/operation-metadata';
import type { StoredOperation } from '../storage/operation-storage';
import { createHubJobOrExplain } from './active-job';
import { adoptClaimedJob } from './adopt-claimed-job';
import { claimExpired, newestJobStart } from './find-claimed-job';
import type { ProxyContext } from './proxy-context';

// The one way an operation that already exists gets its hub job exactly once (docs/proxy.md, "How
// Start is made idempotent"), shared by an import's Start (start-import.ts) and a queued export's
// start by the queue worker (start-queued-export.ts):
// 1. A container lease keeps two starts of one operation apart while one of them claims it.
//    Acquiring it is the atomic, conditional step: Set Container Metadata has no If-Match, but a
//    lease acquire fails (409) while another holder has it.
// 2. Under the lease the start is claimed in the metadata (startClaimedAt) *before* the hub is
//    asked. A lease dies with a crashed proxy; the claim stays.
// 3. The hub job is created and its id recorded. If that record fails, or the proxy dies first,
//    the claim without a jobId tells the next start (and the poll and the list) to look for the job
//    in the hub and adopt it instead of creating another.

/** A create the hub answered, or a failed one; `mayExist` says whether the hub may hold a job. */
export type JobCreation =
  { ok: true; hubJob: HubJob } | { ok: false; error: unknown; mayExist: boolean };

export type StartOutcome = 'created' | 'adopted' | 'existing';

export interface StartOnceSpec<T> {
  operationId: string;
  /** For the words of the refusals: "This import is being started by another request". */
  noun: 'import' | 'export';
  /** Reads the operation's metadata, refusing (404) what is not an operation of this kind. */
  read(): Promise<OperationMetadata>;
  /** What the caller answers for the operation and its hub job. */
  answer(hubJob: HubJob | undefined, operation: StoredOperation, outcome: StartOutcome): T;
  /** Fields the claim records beside its own (an import's verified size and hash). */
  claimFields?: Partial<OperationMetadata>;
  /** Asks the hub for the job (through askHubForJob); a throw counts as "the hub was not asked". */
  create(claimed: OperationMetadata): Promise<JobCreation>;
}

/**
 * Asks the hub for a job. A definite refusal (any 4xx: slot busy, storage rejected) means no job
 * exists; after a 5xx or a timeout the hub may have made one, and the claim must stay.
 */
export async function askHubForJob(
  context: Pick<ProxyContext, 'hub'>,
  create: () => Promise<HubJob>,
): Promise<JobCreation> {
  let mayExist = false;
  try {
    const hubJob = await createHubJobOrExplain(context.hub, () => {
      mayExist = true;
      return create().catch((error: unknown) => {
        mayExist = !(error instanceof HubRequestError && error.status >= 400 && error.status < 500);
        throw error;
      });
    });
    return { ok: true, hubJob };
  } catch (error) {
    return { ok: false, error, mayExist };
  }
}

/** The operation's answer when it already names its job, which the hub may have forgotten. */
export async function answerExisting<T>(
  context: Pick<ProxyContext, 'hub'>,
  spec: Pick<StartOnceSpec<T>, 'answer'>,
  operation: StoredOperation,
): Promise<T> {
  try {
    return spec.answer(
      await context.hub.getJob(operation.metadata.jobId ?? ''),
      operation,
      'existing',
    );
  } catch (error) {
    // The hub forgets jobs after 30 days; the operation still names its job.
    if (error instanceof HubRequestError && error.status === 404)
      return spec.answer(undefined, operation, 'existing');
    return callHub(() => Promise.reject(error));
  }
}

export const startInProgress = (noun: StartOnceSpec<unknown>['noun']): ApiError =>
  new ApiError(
    409,
    'START_IN_PROGRESS',
    `This ${noun} is being started by another request; follow it in the Jobs list.`,
  );

/** Claims, creates and records the hub job of an operation, or answers the one it has. */
export async function startOnce<T>(
  context: ProxyContext,
  principal: Principal,
  spec: StartOnceSpec<T>,
): Promise<T> {
  const { operationId } = spec;
  const claim = await context.storage.withLease(operationId, () =>
    claimUnderLease(context, principal, spec),
  );
  if (!claim) throw startInProgress(spec.noun);
  if (claim.value.kind === 'resolved') return claim.value.answer;
  const claimed = claim.value.metadata;
  const created = await spec
    .create(claimed)
    .catch((error: unknown): JobCreation => ({ ok: false, error, mayExist: false }));
  if (!created.ok) {
    // A definite refusal made no job: the claim goes, so the next start need not wait it out.
    if (!created.mayExist)
      await context.storage
        .writeOperation(operationId, withoutClaim(claimed))
        .catch(() => undefined);
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
  return spec.answer(created.hubJob, { operationId, metadata: recorded }, 'created');
}

type Claim<T> = { kind: 'claimed'; metadata: OperationMetadata } | { kind: 'resolved'; answer: T };

/**
 * The lease covers only read-then-claim; once the claim is written it guards the create on its
 * own, so a proxy that dies later leaves no lease behind for the next start to wait out.
 */
async function claimUnderLease<T>(
  context: ProxyContext,
  principal: Principal,
  spec: StartOnceSpec<T>,
): Promise<Claim<T>> {
  const { operationId } = spec;
  // Read again under the lease: another start may have finished since the first read.
  const metadata = await spec.read();
  if (metadata.jobId)
    return {
      kind: 'resolved',
      answer: await answerExisting(context, spec, { operationId, metadata }),
    };
  if (metadata.startClaimedAt) {
    const adoption = await callHub(() => adoptClaimedJob(context, { operationId, metadata }));
    if (adoption.kind === 'adopted')
      return {
        kind: 'resolved',
        answer: spec.answer(adoption.hubJob, adoption.operation, 'adopted'),
      };
    if (adoption.kind === 'ambiguous')
      throw new ApiError(
        409,
        'START_UNCERTAIN',
        `An earlier start of this ${spec.noun} may have created a hub job, and more than one job ` +
          'matches. It was not started again; check the hub jobs listed in the details.',
        { jobIds: adoption.jobIds },
      );
    // No job yet: a create made under this claim may still be on its way to the hub.
    if (!claimExpired(metadata.startClaimedAt, context.now())) throw startInProgress(spec.noun);
  }
  const newest = newestJobStart(await callHub(() => context.hub.listJobs()));
  const claimed: OperationMetadata = {
    ...metadata,
    startClaimedAt: context.now().toISOString(),
    startClaimedByOid: principal.objectId,
    ...(newest ? { startClaimedAfterJobAt: newest } : { startClaimedAfterJobAt: undefined }),
    ...spec.claimFields,
  };
  await context.storage.writeOperation(operationId, claimed);
  return { kind: 'claimed', metadata: claimed };
}

/** The metadata as before the claim. */
export function withoutClaim(metadata: OperationMetadata): OperationMetadata {
  const {
    startClaimedAt: _at,
    startClaimedByOid: _by,
    startClaimedAfterJobAt: _after,
    ...unclaimed
  } = metadata;
  return unclaimed;
}
