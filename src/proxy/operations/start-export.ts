import type { CreateExportRequest, CreateExportResponse } from '../../contracts/api/exports';
import type { Principal } from '../auth/bearer-verifier';
import { forbidden } from '../http/api-error';
import { callHub } from '../hub/hub-errors';
import { newOperationId } from '../storage/operation-names';
import type { OperationMetadata } from '../storage/operation-metadata';
import { createExportJob } from './create-export-job';
import { newestJobStart } from './find-claimed-job';
import type { ProxyContext } from './proxy-context';
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
  const newest = newestJobStart(await callHub(() => context.hub.listJobs()));
  const metadata: OperationMetadata = {
    kind: 'export',
    createdAt: context.now().toISOString(),
    createdByName: principal.name,
    createdByOid: principal.objectId,
    excludeKeysInExport: request.excludeKeys,
    includeConfigurations: request.includeConfigurations,
    keysInside: !request.excludeKeys,
    ...(request.label ? { label: request.label } : {}),
    // Created and started in one request, so the claim comes with the container: if the job is
    // created but not recorded, the list and the poll adopt it (start-import.ts explains).
    startClaimedAt: context.now().toISOString(),
    startClaimedByOid: principal.objectId,
    ...(newest ? { startClaimedAfterJobAt: newest } : {}),
  };
  await context.storage.createOperation(operationId, metadata);
  const created = await createExportJob(context, operationId, metadata);
  if (!created.ok) {
    // A container whose export never started would show up as a phantom operation in the job list;
    // one whose job may exist is the hub's output container and must stay.
    if (!created.mayExist)
      await context.storage.deleteOperation(operationId).catch(() => undefined);
    throw created.error;
  }
  const hubJob = created.hubJob;
  const updated = {
    ...metadata,
    jobId: hubJob.jobId,
    jobStartedAt: context.now().toISOString(),
    jobStartedByOid: principal.objectId,
  };
  // If this write fails the job runs unrecorded; the claim lets the list and the poll adopt it.
  await context.storage.writeOperation(operationId, updated);
  return { job: toJob(hubJob, { operationId, metadata: updated }) };
}
