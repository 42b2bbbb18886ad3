import type { JobCommand } from '../../contracts/api/jobs';
import { equivalentCommands } from '../../core/commands/equivalent-commands';
import { ApiError } from '../http/api-error';
import { exportJobBody, importJobBody } from '../hub/hub-jobs';
import { HUB_API_VERSION } from '../hub/hub-transport';
import { FROZEN_INPUT_BLOB } from '../storage/copy-once';
import { SAS_LIFETIMES, type ProxyContext } from './proxy-context';
import { getJob } from './query-jobs';

// The command behind a job the console started: the same request body the start path sends
// (hub-jobs.ts builds both), with each container's SAS replaced by its permissions and expiry, as
// the proxy granted them (docs/bulk-flows.md, "The command behind an operation").

const HOUR = 3600_000;

export async function jobCommand(context: ProxyContext, ref: string): Promise<JobCommand> {
  const job = await getJob(context, ref);
  if (!job.operationId)
    throw new ApiError(
      404,
      'COMMAND_UNKNOWN',
      'This job was not started by the console: the hub does not say which containers it used.',
    );
  const operationId = job.operationId;
  const started = Date.parse(job.startTimeUtc ?? job.createdAt ?? '') || context.now().getTime();
  const expires = new Date(started + SAS_LIFETIMES.hubJobHours * HOUR).toISOString();
  const storage = context.hub.jobStorage;
  // As hub-container-grant.ts hands them to the hub: a SAS (here its permissions and expiry only)
  // for keyBased jobs, the bare container URI for identityBased ones.
  const container = async (access: 'input' | 'output', permissions: string): Promise<string> => {
    const url = await context.storage.hubContainerUrl(operationId, access);
    return storage.type === 'identityBased' ? url : `${url}?sp=${permissions}&se=${expires}`;
  };
  const body =
    job.type === 'import'
      ? importJobBody(
          {
            inputBlobContainerUri: await container('input', 'r'),
            outputBlobContainerUri: await container('output', 'rwd'),
            inputBlobName: FROZEN_INPUT_BLOB,
            ...(job.includeConfigurations ? { includeConfigurations: true } : {}),
          },
          storage,
        )
      : exportJobBody(
          {
            outputBlobContainerUri: await container('output', 'rwd'),
            excludeKeysInExport: job.excludeKeysInExport ?? true,
            includeConfigurations: job.includeConfigurations ?? false,
          },
          storage,
        );
  return equivalentCommands(context.hub.hostName, HUB_API_VERSION, body);
}
