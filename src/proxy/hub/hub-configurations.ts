import { HubRequestError } from './hub-errors';
import type { HubTransport } from './hub-transport';

// The hub's configurations (deployments) one at a time, through its REST API
// (docs/bulk-flows.md, "Delete all devices and configurations"): an import job creates or updates
// configurations but never deletes one, so "delete all" deletes them here after its job.

export interface HubConfigurationsClient {
  /** `absent` when the hub has no such configuration (deleted already: that is fine). */
  deleteConfiguration(id: string): Promise<'deleted' | 'absent'>;
}

export function createHubConfigurationsClient(transport: HubTransport): HubConfigurationsClient {
  return {
    async deleteConfiguration(id) {
      try {
        // DELETE is idempotent: a retry after a lost answer finds it gone, which is `absent`.
        await transport.send({
          method: 'DELETE',
          segments: ['configurations', id],
          idempotent: true,
        });
        return 'deleted';
      } catch (error) {
        if (error instanceof HubRequestError && error.status === 404) return 'absent';
        throw error;
      }
    },
  };
}
