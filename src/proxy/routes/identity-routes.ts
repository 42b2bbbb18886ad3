import type { FastifyInstance } from 'fastify';
import type { MeResponse } from '../../contracts/api/identity';
import { principalOf, requireRole } from '../auth/authenticate';
import { buildOpenApiDocument } from '../http/openapi-document';
import { getHubInfo } from '../operations/query-jobs';
import type { ProxyContext } from '../operations/proxy-context';

// Registered once per hub scope (routes/hub-scope.ts): `roles` are the caller's roles on that hub.
export function registerIdentityRoutes(
  app: FastifyInstance,
  context: ProxyContext,
  hubId: string,
): void {
  const anyRole = requireRole('admin', 'support');
  const openApi = buildOpenApiDocument();

  app.get('/me', { preHandler: anyRole }, async (request): Promise<MeResponse> => {
    const { name, username, objectId, roles } = principalOf(request);
    return { name, username, objectId, roles };
  });
  app.get('/hub', { preHandler: anyRole }, async () => ({ hubId, ...(await getHubInfo(context)) }));
  app.get('/openapi.json', { preHandler: anyRole }, async () => openApi);
}
