import type { FastifyInstance } from 'fastify';
import type { HubCountsResponse } from '../../contracts/api/jobs';
import { requireRole } from '../auth/authenticate';
import type { RegistryCounter } from '../operations/count-registry';

/** The hub overview's counts beyond the device statistics (docs/proxy.md, "Hub counts"). */
export function registerHubCountRoutes(app: FastifyInstance, counter: RegistryCounter): void {
  app.get(
    '/hub/counts',
    { preHandler: requireRole('admin', 'support') },
    async (): Promise<HubCountsResponse> => counter.read(),
  );
}
