import type { FastifyInstance } from 'fastify';
import {
  REGISTRY_QUERY_MAX_IDS,
  RegistryQueryRequest,
  type RegistryQueryResponse,
} from '../../contracts/api/registry';
import { requireRole } from '../auth/authenticate';
import type { HubTransport } from '../hub/hub-transport';
import type { ProxyContext } from '../operations/proxy-context';
import { queryDeviceIds } from '../operations/query-device-ids';
import { audited, parseBody } from './route-support';

export interface RegistryQueryRouteOptions {
  /** The most device ids one answer holds (REGISTRY_QUERY_MAX_IDS; a test passes fewer). */
  maxIds?: number;
}

export function registerRegistryQueryRoutes(
  app: FastifyInstance,
  context: ProxyContext,
  transport: HubTransport,
  options: RegistryQueryRouteOptions = {},
): void {
  // Admins only: the selection it makes is acted on by imports, which only admins start. A query
  // changes nothing, so it draws on the per-user read budget (http/read-rate-limit.ts). The audit
  // keeps the query's length and the count, not its text, which may name devices.
  app.post(
    '/registry/query',
    { preHandler: requireRole('admin') },
    async (request): Promise<RegistryQueryResponse> => {
      const body = parseBody(RegistryQueryRequest, request.body);
      const limit = options.maxIds ?? REGISTRY_QUERY_MAX_IDS;
      return audited(
        context,
        request,
        { action: 'registry.query', details: { queryLength: body.query.length } },
        () => queryDeviceIds(transport, body.query, limit, context.now),
        (answer) => ({
          details: {
            queryLength: body.query.length,
            devices: answer.deviceIds.length,
            truncated: answer.truncated,
          },
        }),
      );
    },
  );
}
