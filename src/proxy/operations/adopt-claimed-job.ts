import type { HubJob } from '../hub/hub-jobs';
import type { StoredOperation } from '../storage/operation-storage';
import { findClaimedJob, type ClaimedJobSearch } from './find-claimed-job';
import type { ProxyContext } from './proxy-context';

export type AdoptionResult =
  | { kind: 'adopted'; operation: StoredOperation; hubJob: HubJob }
  | Exclude<ClaimedJobSearch, { kind: 'found' }>;

/**
 * Records the hub job that a claimed start created but could not record (find-claimed-job.ts), so
 * the operation shows it and no later start creates a second one. `hubJobs` is the hub's list when
 * the caller already has it (the jobs list), else it is fetched.
 */
export async function adoptClaimedJob(
  context: Pick<ProxyContext, 'hub' | 'index' | 'storage' | 'now'>,
  operation: StoredOperation,
  hubJobs?: HubJob[],
): Promise<AdoptionResult> {
  const { operationId, metadata } = operation;
  if (!metadata.startClaimedAt || metadata.jobId) return { kind: 'none' };
  const jobs = hubJobs ?? (await context.hub.listJobs());
  const search = await findClaimedJob(
    context,
    {
      operationId,
      kind: metadata.kind,
      claimedAt: metadata.startClaimedAt,
      afterJobAt: metadata.startClaimedAfterJobAt,
    },
    jobs,
  );
  if (search.kind !== 'found') return search;
  const adopted = {
    ...metadata,
    jobId: search.job.jobId,
    jobStartedAt: search.job.startTimeUtc ?? metadata.startClaimedAt,
    ...(metadata.startClaimedByOid ? { jobStartedByOid: metadata.startClaimedByOid } : {}),
    jobAdoptedAt: context.now().toISOString(),
  };
  await context.storage.writeOperation(operationId, adopted);
  return { kind: 'adopted', operation: { operationId, metadata: adopted }, hubJob: search.job };
}
