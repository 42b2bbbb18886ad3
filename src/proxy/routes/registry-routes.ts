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
import { audited, parseBody, STATE_CHANGING_LIMIT } from './route-support';

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
  // Admins only: the lines carry device keys, which the plan needs to keep them. The per-user
  // limit applies because every lookup spends the hub's read budget, which jobs and other
  // consoles share.
  app.post(
    '/api/registry/lookup',
    {
      preHandler: requireRole('admin'),
      config: STATE_CHANGING_LIMIT,
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
