import type { StartImportResponse } from '../../contracts/api/imports';
import type { Principal } from '../auth/bearer-verifier';
import { ApiError } from '../http/api-error';
import { callHub, HubRequestError } from '../hub/hub-errors';
import type { HubJob } from '../hub/hub-jobs';
import type { OperationMetadata } from '../storage/operation-metadata';
import { isOperationId } from '../storage/operation-names';
import { FROZEN_INPUT_BLOB, type StoredOperation } from '../storage/operation-storage';
import { createHubJobOrExplain } from './active-job';
import { hubContainerGrant } from './hub-container-grant';
import { adoptClaimedJob } from './adopt-claimed-job';
import { claimExpired, newestJobStart } from './find-claimed-job';
import type { ProxyContext } from './proxy-context';
import { toJob } from './to-job';
import {
  assertMatchesClaim,
  measureConvertedFile,
  type MeasuredFile,
} from './verify-converted-file';

// POST /api/imports/{operationId}/start, made to run the hub job exactly once (docs/proxy.md, "How
// Start is made idempotent"):
// 1. A container lease keeps two starts of one operation apart while one of them claims it.
//    Acquiring it is the atomic, conditional step: Set Container Metadata has no If-Match, but a
//    lease acquire fails (409) while another holder has it.
// 2. Under the lease the start is claimed in the metadata (startClaimedAt) *before* the hub is
//    asked. A lease dies with a crashed proxy; the claim stays.
// 3. The hub job is created and its id recorded. If that record fails, or the proxy dies first,
//    the claim without a jobId tells the next start (and the poll and the list) to look for the job
//    in the hub and adopt it instead of creating another.
// A start of an operation that has its job answers that job (200), never a second one.
export interface StartedImport {
  response: StartImportResponse;
  /** For the audit line: the hash of the file the hub was told to import. */
  convertedSha256: string | undefined;
  outcome: 'created' | 'adopted' | 'existing';
}

const notFound = (): ApiError => new ApiError(404, 'OPERATION_NOT_FOUND', 'No such import.');
const inProgress = (): ApiError =>
  new ApiError(
    409,
    'START_IN_PROGRESS',
    'This import is being started by another request; follow it in the Jobs list.',
  );

export async function startImport(
  context: ProxyContext,
  principal: Principal,
  operationId: string,
): Promise<StartedImport> {
  if (!isOperationId(operationId) || !operationId.startsWith('import-')) throw notFound();
  const before = await readImport(context, operationId);
  if (before.jobId) return existing(context, { operationId, metadata: before });
  const size = await context.storage.blobSize(operationId, 'devices.txt');
  if (size === undefined)
    throw new ApiError(409, 'UPLOAD_MISSING', 'devices.txt has not been uploaded yet.');
  if (size === 0) throw new ApiError(409, 'UPLOAD_EMPTY', 'devices.txt is empty.');
  // The hub imports a copy that no grant handed to the browser can change, and the proxy's
  // own hash of that copy is what the audit records.
  await context.storage.freezeInput(operationId);
  // The backup and the undo file are frozen with it: the audit keeps what the import started with.
  if (before.backup) await context.storage.freezeBackup(operationId);
  await context.storage.lockUploads(operationId, uploadedBlobs(before));
  const measured = await measureConvertedFile(context, operationId);
  assertMatchesClaim(before, measured);

  const claim = await context.storage.withLease(operationId, () =>
    claimUnderLease(context, principal, operationId, measured),
  );
  if (!claim) throw inProgress();
  if (claim.value.kind === 'resolved') return claim.value.started;
  const claimed = claim.value.metadata;
  const hubJob = await createImportJob(context, operationId, claimed);
  const recorded: OperationMetadata = {
    ...claimed,
    jobId: hubJob.jobId,
    jobStartedAt: context.now().toISOString(),
    jobStartedByOid: principal.objectId,
  };
  // If this write fails the job runs unrecorded; the claim lets the next start adopt it.
  await context.storage.writeOperation(operationId, recorded);
  return started(hubJob, { operationId, metadata: recorded }, 'created');
}

type Claim =
  { kind: 'claimed'; metadata: OperationMetadata } | { kind: 'resolved'; started: StartedImport };

/**
 * The lease covers only read-then-claim; once the claim is written it guards the create on its
 * own, so a proxy that dies later leaves no lease behind for the next start to wait out.
 */
async function claimUnderLease(
  context: ProxyContext,
  principal: Principal,
  operationId: string,
  measured: MeasuredFile,
): Promise<Claim> {
  // Read again under the lease: another start may have finished since the first read.
  const metadata = await readImport(context, operationId);
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
        'An earlier start of this import may have created a hub job, and more than one job matches. ' +
          'It was not started again; check the hub jobs listed in the details.',
        { jobIds: adoption.jobIds },
      );
    // No job yet: a create made under this claim may still be on its way to the hub.
    if (!claimExpired(metadata.startClaimedAt, context.now())) throw inProgress();
  }
  const newest = newestJobStart(await callHub(() => context.hub.listJobs()));
  const claimed: OperationMetadata = {
    ...metadata,
    startClaimedAt: context.now().toISOString(),
    startClaimedByOid: principal.objectId,
    ...(newest ? { startClaimedAfterJobAt: newest } : { startClaimedAfterJobAt: undefined }),
    verifiedSize: measured.size,
    verifiedSha256: measured.sha256,
  };
  await context.storage.writeOperation(operationId, claimed);
  return { kind: 'claimed', metadata: claimed };
}

async function createImportJob(
  context: ProxyContext,
  operationId: string,
  claimed: OperationMetadata,
): Promise<HubJob> {
  // Container-scoped: the hub reads the frozen devices.txt from the operation's container (read
  // only) and writes `importErrors.log` to the root of an output container of its own.
  const input = await hubContainerGrant(context, operationId, 'input');
  const output = await hubContainerGrant(context, operationId, 'output');
  let refused = false;
  try {
    return await createHubJobOrExplain(context.hub, () =>
      context.hub
        .createImportJob({
          inputBlobContainerUri: input,
          outputBlobContainerUri: output,
          inputBlobName: FROZEN_INPUT_BLOB,
          ...(claimed.includeConfigurations ? { includeConfigurations: true } : {}),
        })
        .catch((error: unknown) => {
          // A 4xx means the hub made no job; after a 5xx or a timeout it may have made one.
          refused = error instanceof HubRequestError && error.status >= 400 && error.status < 500;
          throw error;
        }),
    );
  } catch (error) {
    if (refused) {
      const {
        startClaimedAt: _at,
        startClaimedByOid: _by,
        startClaimedAfterJobAt: _after,
        ...unclaimed
      } = claimed;
      await context.storage.writeOperation(operationId, unclaimed).catch(() => undefined);
    }
    throw error;
  }
}

async function readImport(context: ProxyContext, operationId: string): Promise<OperationMetadata> {
  const metadata = await context.storage.readOperation(operationId);
  if (!metadata || metadata.kind !== 'import') throw notFound();
  return metadata;
}

async function existing(context: ProxyContext, operation: StoredOperation): Promise<StartedImport> {
  const jobId = operation.metadata.jobId ?? '';
  try {
    return started(await context.hub.getJob(jobId), operation, 'existing');
  } catch (error) {
    // The hub forgets jobs after 30 days; the operation still names its job.
    if (error instanceof HubRequestError && error.status === 404)
      return {
        response: { job: toJob(undefined, operation, true) },
        convertedSha256: fileHash(operation.metadata),
        outcome: 'existing',
      };
    return callHub(() => Promise.reject(error));
  }
}

function started(
  hubJob: HubJob,
  operation: StoredOperation,
  outcome: StartedImport['outcome'],
): StartedImport {
  return {
    response: { job: toJob(hubJob, operation) },
    convertedSha256: fileHash(operation.metadata),
    outcome,
  };
}

const fileHash = (metadata: OperationMetadata): string | undefined =>
  metadata.verifiedSha256 ?? metadata.convertedSha256;

/**
 * The blobs the browser's upload grants name. Locking them is a second line: a grant holder could
 * break a lease (write permission includes it), which is why the hub reads the frozen copy.
 */
const uploadedBlobs = (metadata: OperationMetadata): string[] => [
  'devices.txt',
  ...(metadata.sourceExtension ? [`source.${metadata.sourceExtension}`] : []),
];
