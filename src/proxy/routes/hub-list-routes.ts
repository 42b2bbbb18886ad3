import type { FastifyInstance } from 'fastify';
import type { HubListResponse, HubSummary } from '../../contracts/api/identity';
import { principalOf } from '../auth/authenticate';
import { primaryRole, rolesOnHub, type HubRoleValues } from '../auth/hub-roles';
import { forbidden } from '../http/api-error';

// GET /api/hubs: the hubs the caller holds a role on, for the SPA's hub picker (docs/proxy.md,
// "Several hubs"). A hub the caller has no role on is left out, not shown as locked: its name is
// none of their business. A caller with no role on any hub is refused like any role-less caller.

export interface ListedHub extends HubSummary {
  roleValues: HubRoleValues;
}

export function registerHubListRoutes(app: FastifyInstance, hubs: readonly ListedHub[]): void {
  app.get('/api/hubs', async (request): Promise<HubListResponse> => {
    const principal = principalOf(request);
    const visible = hubs.flatMap(({ id, displayName, hostName, roleValues }) => {
      const role = primaryRole(rolesOnHub(principal, roleValues));
      return role ? [{ id, displayName, hostName, role }] : [];
    });
    if (visible.length === 0) throw forbidden();
    return { hubs: visible };
  });
}
