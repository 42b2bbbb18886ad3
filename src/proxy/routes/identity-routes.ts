import type { FastifyInstance } from 'fastify';
import type { MeResponse } from '../../contracts/api/identity';
import { principalOf, requireRole } from '../auth/authenticate';
import { buildOpenApiDocument } from '../http/openapi-document';
import { getHubInfo } from '../operations/query-jobs';
import type { ProxyContext } from '../operations/proxy-context';

export function registerIdentityRoutes(app: FastifyInstance, context: ProxyContext): void {
  const anyRole = requireRole('admin', 'support');
  const openApi = buildOpenApiDocument();

  app.get('/api/me', { preHandler: anyRole }, async (request): Promise<MeResponse> => {
    const { name, username, objectId, roles } = principalOf(request);
    return { name, username, objectId, roles };
  });
  app.get('/api/hub', { preHandler: anyRole }, async () => getHubInfo(context));
  app.get('/api/openapi.json', { preHandler: anyRole }, async () => openApi);
}
