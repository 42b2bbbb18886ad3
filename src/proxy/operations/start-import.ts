import type { StartImportResponse } from '../../contracts/api/imports';
import type { Principal } from '../auth/bearer-verifier';
import { ApiError } from '../http/api-error';
import type { OperationMetadata } from '../storage/operation-metadata';
import { isOperationId } from '../storage/operation-names';
import { FROZEN_INPUT_BLOB } from '../storage/operation-storage';
import { hubContainerGrant } from './hub-container-grant';
import type { ProxyContext } from './proxy-context';
import {
  answerExisting,
  askHubForJob,
  startOnce,
  type JobCreation,
  type StartOnceSpec,
  type StartOutcome,
} from './start-once';
import { toJob } from './to-job';
import { assertMatchesClaim, measureConvertedFile } from './verify-converted-file';

// POST /api/imports/{operationId}/start runs the hub job exactly once, by the claim, create and
// adopt steps of start-once.ts (docs/proxy.md, "How Start is made idempotent"), after freezing the
// file the hub will read and hashing it. A start of an operation that has its job answers that job
// (200), never a second one.
export interface StartedImport {
  response: StartImportResponse;
  /** For the audit line: the hash of the file the hub was told to import. */
  convertedSha256: string | undefined;
  outcome: StartOutcome;
}

const notFound = (): ApiError => new ApiError(404, 'OPERATION_NOT_FOUND', 'No such import.');

export async function startImport(
  context: ProxyContext,
  principal: Principal,
  operationId: string,
): Promise<StartedImport> {
  if (!isOperationId(operationId) || !operationId.startsWith('import-')) throw notFound();
  const spec: StartOnceSpec<StartedImport> = {
    operationId,
    noun: 'import',
    read: () => readImport(context, operationId),
    answer: (hubJob, operation, outcome) => ({
      response: { job: toJob(hubJob, operation, hubJob === undefined) },
      convertedSha256: fileHash(operation.metadata),
      outcome,
    }),
    create: (claimed) => createImportJob(context, operationId, claimed),
  };
  const before = await spec.read();
  if (before.jobId) return answerExisting(context, spec, { operationId, metadata: before });
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
  return startOnce(context, principal, {
    ...spec,
    claimFields: { verifiedSize: measured.size, verifiedSha256: measured.sha256 },
  });
}

async function createImportJob(
  context: ProxyContext,
  operationId: string,
  claimed: OperationMetadata,
): Promise<JobCreation> {
  // Container-scoped: the hub reads the frozen devices.txt from the operation's container (read
  // only) and writes `importErrors.log` to the root of an output container of its own. A grant
  // that fails throws before the hub is asked (startOnce then drops the claim).
  const input = await hubContainerGrant(context, operationId, 'input');
  const output = await hubContainerGrant(context, operationId, 'output');
  return askHubForJob(context, () =>
    context.hub.createImportJob({
      inputBlobContainerUri: input,
      outputBlobContainerUri: output,
      inputBlobName: FROZEN_INPUT_BLOB,
      // A copy between hubs carries the source's configurations in configurations.txt.
      ...(claimed.includeConfigurations ? { includeConfigurations: true } : {}),
    }),
  );
}

async function readImport(context: ProxyContext, operationId: string): Promise<OperationMetadata> {
  const metadata = await context.storage.readOperation(operationId);
  if (!metadata || metadata.kind !== 'import') throw notFound();
  return metadata;
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
