import type { Job } from '../../contracts/api/jobs';
import type { Principal } from '../auth/bearer-verifier';
import { ApiError } from '../http/api-error';
import type { OperationMetadata } from '../storage/operation-metadata';
import { isOperationId } from '../storage/operation-names';
import { createExportJob } from './create-export-job';
import type { ProxyContext } from './proxy-context';
import { answerExisting, startOnce, type StartOnceSpec, type StartOutcome } from './start-once';
import { toJob } from './to-job';

// The queue worker's start of a queued export (docs/proxy.md, "Queue and monitor"). The export's
// container and metadata were written when it was queued, so it already has its operation id, and
// the start takes the import's idempotent path (start-once.ts) rather than start-export.ts's
// create-and-start in one request: a retry or a second worker that finds a claim without a job
// adopts the job the hub has instead of creating another.
export interface StartedExport {
  job: Job;
  outcome: StartOutcome;
}

const notFound = (): ApiError => new ApiError(404, 'OPERATION_NOT_FOUND', 'No such export.');

export async function startQueuedExport(
  context: ProxyContext,
  principal: Principal,
  operationId: string,
): Promise<StartedExport> {
  if (!isOperationId(operationId) || !operationId.startsWith('export-')) throw notFound();
  const spec: StartOnceSpec<StartedExport> = {
    operationId,
    noun: 'export',
    read: () => readExport(context, operationId),
    answer: (hubJob, operation, outcome) => ({
      job: toJob(hubJob, operation, hubJob === undefined),
      outcome,
    }),
    create: (claimed) => createExportJob(context, operationId, claimed),
  };
  const before = await spec.read();
  if (before.jobId) return answerExisting(context, spec, { operationId, metadata: before });
  return startOnce(context, principal, spec);
}

async function readExport(context: ProxyContext, operationId: string): Promise<OperationMetadata> {
  const metadata = await context.storage.readOperation(operationId);
  if (!metadata || metadata.kind !== 'export') throw notFound();
  return metadata;
}
