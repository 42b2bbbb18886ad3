import type { FastifyInstance } from 'fastify';
import {
  REGISTRY_LOOKUP_MAX_IDS,
  RegistryLookupRequest,
  type RegistryLookupResponse,
} from '../../contracts/api/registry';
import { requireRole } from '../auth/authenticate';
import { ApiError } from '../http/api-error';
import type { HubRegistryClient } from '../hub/hub-registry';
import { lookupDevices } from '../operations/lookup-devices';
import type { ProxyContext } from '../operations/proxy-context';
import { audited, parseBody } from './route-support';

/**
 * 1,000 entries of the longest ids (128 characters each for device and module) are about 280 KB,
 * more than the server-wide 64 KiB; ids need no JSON escapes, so this bounds every valid body.
 */
const LOOKUP_BODY_LIMIT_BYTES = 320 * 1024;

export function registerRegistryRoutes(
  app: FastifyInstance,
  context: ProxyContext,
  registry: HubRegistryClient,
): void {
  // Admins only: the lines carry device keys, which the plan needs to keep them. A lookup changes
  // nothing, so it draws on the per-user read budget (http/read-rate-limit.ts), not on the write
  // limit: planning a 1,000-device file takes ten lookups, and a mapping change plans again. The
  // hub's own read budget is guarded by the lookup pool and its 429 handling.
  app.post(
    '/registry/lookup',
    {
      preHandler: requireRole('admin'),
      bodyLimit: LOOKUP_BODY_LIMIT_BYTES,
    },
    async (request): Promise<RegistryLookupResponse> => {
      const count = idCount(request.body);
      if (count > REGISTRY_LOOKUP_MAX_IDS)
        throw new ApiError(
          400,
          'VALIDATION_FAILED',
          `A lookup takes at most ${REGISTRY_LOOKUP_MAX_IDS} ids; this one has ${count}. ` +
            'Split it, or take a snapshot by export.',
          { limit: REGISTRY_LOOKUP_MAX_IDS, count },
        );
      const body = parseBody(RegistryLookupRequest, request.body);
      // Counts only: the answer holds keys, and no key may reach the log.
      return audited(
        context,
        request,
        {
          action: 'registry.lookup',
          details: { ids: body.ids.length, includeModules: body.includeModules === true },
        },
        () => lookupDevices({ registry, now: context.now }, body),
        (answer) => ({
          details: {
            ids: body.ids.length,
            includeModules: body.includeModules === true,
            found: answer.records.length,
            missing: answer.missing,
            unread: answer.unread.length,
          },
        }),
      );
    },
  );
}

function idCount(body: unknown): number {
  if (typeof body !== 'object' || body === null || !('ids' in body)) return 0;
  return Array.isArray(body.ids) ? body.ids.length : 0;
}
