import type { FastifyInstance } from 'fastify';
import type { HubServices } from '../hubs/hub-services';
import type { GlobalRoleNames } from '../copies/copy-hubs';
import { registerCopyRoutes } from './copy-routes';
import { registerDeleteAllRoutes } from './delete-all-routes';
import { registerHubCountRoutes } from './hub-count-routes';
import { registerIdentityRoutes } from './identity-routes';
import { registerJobRoutes } from './job-routes';
import { registerOperationRoutes } from './operation-routes';
import { registerExportQueueRoutes } from './export-queue-routes';
import { registerQueueRoutes } from './queue-routes';
import { registerRegistryQueryRoutes } from './registry-query-routes';
import { registerRegistryRoutes } from './registry-routes';
import { registerRunRoutes } from './run-routes';
import { registerSetupCheckRoutes, type SetupCheckRunner } from './setup-check-routes';

// The routes of one hub, relative to its scope's prefix (`/api` or `/api/hubs/{hubId}`, see
// routes/hub-scope.ts); every route that reads or changes a hub is here, so none is served for
// one hub only by mistake.
export function registerHubRoutes(
  scope: FastifyInstance,
  hub: HubServices,
  setupCheck: SetupCheckRunner,
  /** Every configured hub and the global role names: a copy reads another hub (copy-routes.ts). */
  allHubs: readonly HubServices[],
  roleNames: GlobalRoleNames,
): void {
  registerIdentityRoutes(scope, hub.context, hub.id);
  registerOperationRoutes(scope, hub.context, hub.supportExports, hub.id);
  registerJobRoutes(scope, hub.context, hub.id);
  registerQueueRoutes(scope, hub.context, hub.queue, hub.id);
  registerExportQueueRoutes(scope, hub.context, hub.queue, hub.id);
  registerRunRoutes(scope, hub.context, hub.queue, hub.id);
  registerRegistryRoutes(scope, hub.context, hub.registry);
  registerRegistryQueryRoutes(scope, hub.context, hub.transport);
  registerSetupCheckRoutes(scope, setupCheck);
  registerHubCountRoutes(scope, hub.counter);
  registerCopyRoutes(scope, hub, allHubs, roleNames);
  registerDeleteAllRoutes(scope, hub, hub.configurations);
}
