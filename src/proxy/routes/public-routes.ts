import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { HUB_ID_PATTERN, type SpaConfig } from '../../contracts/api/identity';
import { ApiError } from '../http/api-error';
import { sendApiError } from '../http/error-handler';
import type { Readiness } from '../operations/check-readiness';

// The only open routes: liveness, readiness, the SPA's public configuration, and the built SPA.
export async function registerPublicRoutes(
  app: FastifyInstance,
  spa: SpaConfig,
  staticDir: string | undefined,
  readiness: () => Promise<Readiness>,
  knownHubIds: ReadonlySet<string> = new Set(),
): Promise<void> {
  // Liveness says only that the process answers; a storage outage must not get it restarted.
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (request, reply) => {
    const { failed } = await readiness();
    if (failed.length === 0) return { status: 'ready' };
    return sendApiError(
      request,
      reply,
      new ApiError(503, 'NOT_READY', `Not ready: ${failed.join(', ')} did not answer.`, { failed }),
    );
  });
  app.get('/config.json', async () => spa);

  if (staticDir) {
    await app.register(fastifyStatic, {
      root: path.resolve(staticDir),
      index: ['index.html'],
      wildcard: false,
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const urlPath = request.url.split('?')[0] ?? '';
    const isApi = urlPath === '/api' || urlPath.startsWith('/api/');
    // SPA deep links (/jobs/123) are routes of the client-side router: answer them with index.html.
    if (
      staticDir &&
      !isApi &&
      (request.method === 'GET' || request.method === 'HEAD') &&
      !path.extname(urlPath)
    ) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    const hubId = /^\/api\/hubs\/([^/]+)(?:\/|$)/.exec(urlPath)?.[1];
    if (hubId !== undefined && !knownHubIds.has(hubId))
      return sendApiError(
        request,
        reply,
        // The id is echoed only when it has the shape of one, never arbitrary bytes from the URL.
        new ApiError(404, 'HUB_NOT_FOUND', 'This console is not configured for that hub.', {
          ...(HUB_ID_PATTERN.test(hubId) ? { hubId } : {}),
        }),
      );
    return sendApiError(request, reply, new ApiError(404, 'NOT_FOUND', 'No such route.'));
  });
}
