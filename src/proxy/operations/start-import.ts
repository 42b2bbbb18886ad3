import type { StartImportResponse } from '../../contracts/api/imports';
import type { Principal } from '../auth/bearer-verifier';
import { ApiError } from '../http/api-error';
import { isOperationId } from '../storage/operation-names';
import { createHubJobOrExplain } from './active-job';
import { SAS_LIFETIMES, type ProxyContext } from './proxy-context';
import { toJob } from './to-job';

// POST /api/imports/{operationId}/start: checks the upload, mints the hub's own container SAS and
// creates the hub job, then records the job id in the container metadata (the audit trail).
export interface StartedImport {
  response: StartImportResponse;
  /** For the audit line: the hash of the file the hub was told to import. */
  convertedSha256: string | undefined;
}

export async function startImport(
  context: ProxyContext,
  principal: Principal,
  operationId: string,
): Promise<StartedImport> {
  if (!isOperationId(operationId) || !operationId.startsWith('import-')) {
    throw new ApiError(404, 'OPERATION_NOT_FOUND', 'No such import.');
  }
  const locked = await context.storage.withLease(operationId, async () => {
    const metadata = await context.storage.readOperation(operationId);
    if (!metadata || metadata.kind !== 'import')
      throw new ApiError(404, 'OPERATION_NOT_FOUND', 'No such import.');
    if (metadata.jobId)
      throw new ApiError(409, 'ALREADY_STARTED', 'This import has already been started.', {
        jobId: metadata.jobId,
      });

    const size = await context.storage.blobSize(operationId, 'devices.txt');
    if (size === undefined)
      throw new ApiError(409, 'UPLOAD_MISSING', 'devices.txt has not been uploaded yet.');
    if (size === 0) throw new ApiError(409, 'UPLOAD_EMPTY', 'devices.txt is empty.');

    // Container-scoped: the hub reads `devices.txt` from the input container and writes
    // `importErrors.log` to the root of the output one. Both are this operation's container.
    const input = await context.storage.hubContainerSas(
      operationId,
      'input',
      SAS_LIFETIMES.hubJobHours,
    );
    const output = await context.storage.hubContainerSas(
      operationId,
      'output',
      SAS_LIFETIMES.hubJobHours,
    );
    const hubJob = await createHubJobOrExplain(context.hub, () =>
      context.hub.createImportJob({
        inputBlobContainerUri: input.url,
        outputBlobContainerUri: output.url,
      }),
    );
    const updated = {
      ...metadata,
      jobId: hubJob.jobId,
      jobStartedAt: context.now().toISOString(),
      jobStartedByOid: principal.objectId,
    };
    await context.storage.writeOperation(operationId, updated);
    return {
      job: toJob(hubJob, { operationId, metadata: updated }),
      convertedSha256: metadata.convertedSha256,
    };
  });
  if (!locked)
    throw new ApiError(409, 'ALREADY_STARTED', 'This import is being started by another request.');
  return { response: { job: locked.value.job }, convertedSha256: locked.value.convertedSha256 };
}
