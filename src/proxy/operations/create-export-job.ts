import { HubRequestError } from '../hub/hub-errors';
import type { HubJob } from '../hub/hub-jobs';
import type { OperationMetadata } from '../storage/operation-metadata';
import { createHubJobOrExplain } from './active-job';
import { hubContainerGrant } from './hub-container-grant';
import type { ProxyContext } from './proxy-context';

/** A failed create; `mayExist` says whether the hub may hold a job all the same. */
export type ExportCreate =
  { ok: true; hubJob: HubJob } | { ok: false; error: unknown; mayExist: boolean };

/**
 * Asks the hub for an export job writing to the operation's own container, with the flags the
 * operation's metadata records. A definite refusal (any 4xx: slot busy, storage rejected) means no
 * job exists; after a 5xx or a timeout the hub may have made one, and the caller must keep the
 * claim (docs/proxy.md, "How Start is made idempotent").
 */
export async function createExportJob(
  context: ProxyContext,
  operationId: string,
  metadata: OperationMetadata,
): Promise<ExportCreate> {
  let mayExist = false;
  try {
    const output = await hubContainerGrant(context, operationId, 'output');
    const hubJob = await createHubJobOrExplain(context.hub, () => {
      mayExist = true;
      return context.hub
        .createExportJob({
          outputBlobContainerUri: output,
          excludeKeysInExport: metadata.excludeKeysInExport ?? true,
          includeConfigurations: metadata.includeConfigurations ?? false,
        })
        .catch((error: unknown) => {
          mayExist = !(
            error instanceof HubRequestError &&
            error.status >= 400 &&
            error.status < 500
          );
          throw error;
        });
    });
    return { ok: true, hubJob };
  } catch (error) {
    return { ok: false, error, mayExist };
  }
}
