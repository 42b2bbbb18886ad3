import type { FastifyInstance } from 'fastify';
import { rolesOnHub, type HubRoleValues } from '../auth/hub-roles';
import { forbidden } from '../http/api-error';

// Every hub-scoped route lives twice (docs/proxy.md, "Several hubs"): under `/api` for the first
// hub, as before there were several, and under `/api/hubs/{hubId}` for each hub. One Fastify scope
// per prefix holds the routes of one hub; its hook narrows the caller's roles to that hub before
// any route's own role check runs, so those checks (and the support masking behind them) need no
// change. An unknown hub id matches no prefix and is answered by the not-found handler
// (routes/public-routes.ts, HUB_NOT_FOUND).

export interface ScopedHub {
  id: string;
  roleValues: HubRoleValues;
}

export const hubPrefix = (hubId: string): string => `/api/hubs/${hubId}`;

export async function registerHubScopedRoutes<H extends ScopedHub>(
  app: FastifyInstance,
  hubs: readonly H[],
  register: (scope: FastifyInstance, hub: H) => void,
): Promise<void> {
  const [first] = hubs;
  if (!first) throw new Error('at least one hub is required');
  const scopes: { prefix: string; hub: H }[] = [
    { prefix: '/api', hub: first },
    ...hubs.map((hub) => ({ prefix: hubPrefix(hub.id), hub })),
  ];
  for (const { prefix, hub } of scopes) {
    await app.register(
      async (scope) => {
        // Authentication ran in the root's onRequest hook (auth/authenticate.ts), before this one.
        scope.addHook('onRequest', async (request) => {
          if (!request.principal) return;
          const roles = rolesOnHub(request.principal, hub.roleValues);
          request.principal = { ...request.principal, roles };
          if (roles.length === 0) throw forbidden();
        });
        register(scope, hub);
      },
      { prefix },
    );
  }
}
