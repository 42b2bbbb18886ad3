import type { DeleteAllResponse } from '../../contracts/api/delete-all';
import { ApiError } from '../http/api-error';
import { callHub } from '../hub/hub-errors';
import type { HubConfigurationsClient } from '../hub/hub-configurations';
import { getJob } from '../operations/query-jobs';
import type { CopyHub } from './copy-hubs';
import { deleteAllResponseOf, readStoredDeleteAll } from './read-delete-all';

// POST /api/hubs/{hubId}/delete-all/{operationId}/configurations: an import job never deletes a
// configuration, so once the job that deleted the devices has completed, the proxy deletes each
// configuration of the backup through the hub's REST API, as Microsoft's sample does. One that is
// gone already (404) counts as absent, so asking again after a failure finishes the rest.

export async function deleteAllConfigurations(
  hub: CopyHub,
  configurations: HubConfigurationsClient,
  operationId: string,
): Promise<DeleteAllResponse> {
  const stored = await readStoredDeleteAll(hub, operationId);
  const job = stored.metadata.jobId ? await getJob(hub.context, operationId) : undefined;
  if (job?.status !== 'completed')
    throw new ApiError(
      409,
      'DELETE_ALL_NOT_DONE',
      'Configurations are deleted once the job that deletes the devices has completed.',
      { status: job?.status ?? 'not started' },
    );
  let deleted = 0;
  let absent = 0;
  for (const id of stored.configurationIds) {
    const outcome = await callHub(() => configurations.deleteConfiguration(id));
    if (outcome === 'deleted') deleted++;
    else absent++;
  }
  const metadata = {
    ...stored.metadata,
    deleteAll: {
      ...stored.metadata.deleteAll,
      configurations: { deletedAt: hub.context.now().toISOString(), deleted, absent },
    },
  };
  await hub.context.storage.writeOperation(operationId, metadata);
  return deleteAllResponseOf(hub.id, operationId, metadata, stored.configurationIds);
}
