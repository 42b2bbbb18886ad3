import type { CreateExportRequest, CreateExportResponse } from '../../contracts/api/exports';
import type { Principal } from '../auth/bearer-verifier';
import { forbidden } from '../http/api-error';
import { newOperationId } from '../storage/operation-names';
import type { OperationMetadata } from '../storage/operation-metadata';
import { createHubJobOrExplain } from './active-job';
import { SAS_LIFETIMES, type ProxyContext } from './proxy-context';
import { toJob } from './to-job';

// POST /api/exports: support staff may export only without keys; admins choose.
export async function startExport(
  context: ProxyContext,
  principal: Principal,
  request: CreateExportRequest,
): Promise<CreateExportResponse> {
  if (!request.excludeKeys && !principal.roles.includes('admin'))
    throw forbidden('Only an admin may export device keys.');
  const operationId = newOperationId('export', context.now());
  const metadata: OperationMetadata = {
    kind: 'export',
    createdAt: context.now().toISOString(),
    createdByName: principal.name,
    createdByOid: principal.objectId,
    excludeKeysInExport: request.excludeKeys,
    includeConfigurations: request.includeConfigurations,
    keysInside: !request.excludeKeys,
  };
  await context.storage.createOperation(operationId, metadata);
  try {
    const output = await context.storage.hubContainerSas(
      operationId,
      'output',
      SAS_LIFETIMES.hubJobHours,
    );
    const hubJob = await createHubJobOrExplain(context.hub, () =>
      context.hub.createExportJob({
        outputBlobContainerUri: output.url,
        excludeKeysInExport: request.excludeKeys,
        includeConfigurations: request.includeConfigurations,
      }),
    );
    const updated = {
      ...metadata,
      jobId: hubJob.jobId,
      jobStartedAt: context.now().toISOString(),
      jobStartedByOid: principal.objectId,
    };
    await context.storage.writeOperation(operationId, updated);
    return { job: toJob(hubJob, { operationId, metadata: updated }) };
  } catch (error) {
    // A container whose export never started would show up as a phantom operation in the job list.
    await context.storage.deleteOperation(operationId).catch(() => undefined);
    throw error;
  }
}
