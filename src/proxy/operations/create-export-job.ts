import type { OperationMetadata } from '../storage/operation-metadata';
import { hubContainerGrant } from './hub-container-grant';
import type { ProxyContext } from './proxy-context';
import { askHubForJob, type JobCreation } from './start-once';

/**
 * Asks the hub for an export job writing to the operation's own container, with the flags the
 * operation's metadata records; `mayExist` on a failure says whether the caller must keep the
 * claim (start-once.ts).
 */
export async function createExportJob(
  context: ProxyContext,
  operationId: string,
  metadata: OperationMetadata,
): Promise<JobCreation> {
  let output: string;
  try {
    output = await hubContainerGrant(context, operationId, 'output');
  } catch (error) {
    return { ok: false, error, mayExist: false };
  }
  return askHubForJob(context, () =>
    context.hub.createExportJob({
      outputBlobContainerUri: output,
      excludeKeysInExport: metadata.excludeKeysInExport ?? true,
      includeConfigurations: metadata.includeConfigurations ?? false,
    }),
  );
}
