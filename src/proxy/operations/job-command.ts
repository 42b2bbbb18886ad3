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
  const started = Date.parse(job.startTimeUtc ?? job.createdAt ?? '') || context.now().getTime();
  const expires = new Date(started + SAS_LIFETIMES.hubJobHours * HOUR).toISOString();
  const container = (access: 'input' | 'output', permissions: string): string =>
    `${context.storage.hubContainerUrl(job.operationId!, access)}?sp=${permissions}&se=${expires}`;
  const body =
    job.type === 'import'
      ? importJobBody({
          inputBlobContainerUri: container('input', 'r'),
          outputBlobContainerUri: container('output', 'rwd'),
          inputBlobName: FROZEN_INPUT_BLOB,
        })
      : exportJobBody({
          outputBlobContainerUri: container('output', 'rwd'),
          excludeKeysInExport: job.excludeKeysInExport ?? true,
          includeConfigurations: job.includeConfigurations ?? false,
        });
  return equivalentCommands(context.hub.hostName, HUB_API_VERSION, body);
}
