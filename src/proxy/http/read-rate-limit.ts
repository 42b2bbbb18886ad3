import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from './api-error';

// Every `/api` read (GET, HEAD) of one user draws on one budget, whichever route it hits: the cost
// of a read is a storage and a hub call, not the route's name. @fastify/rate-limit gives each
// route of `config.rateLimit` a store of its own, so the reads share one limiter made once through
// its `rateLimit()` decorator and run from an instance hook (after onRequest authenticated the
// caller, whose object id is the key). Writes keep their own, separate limit (server.ts).

export interface ReadRateLimit {
  max: number;
  timeWindowMs: number;
}

/**
 * POST routes that read and change nothing: they share the reads' budget, unprefixed (the first
 * hub) or under a hub's `/api/hubs/{hubId}` prefix (routes/hub-scope.ts).
 */
const READING_POST = /^\/api(?:\/hubs\/[^/]+)?\/registry\/(?:lookup|query)$/;

const isApiRead = (request: FastifyRequest): boolean =>
  ((request.method === 'GET' || request.method === 'HEAD') &&
    (request.url === '/api' ||
      request.url.startsWith('/api/') ||
      request.url.startsWith('/api?'))) ||
  (request.method === 'POST' && READING_POST.test(request.url.split('?')[0] ?? ''));

export function installReadRateLimit(app: FastifyInstance, limit: ReadRateLimit): void {
  const limiter = app.rateLimit({
    max: limit.max,
    timeWindow: limit.timeWindowMs,
    keyGenerator: (request) => request.principal?.objectId ?? request.ip,
    errorResponseBuilder: (_request, context) =>
      new ApiError(429, 'RATE_LIMITED', 'Too many requests in a short time; try again shortly.', {
        retryAfter: context.after,
      }),
  });
  app.addHook('preHandler', async (request, reply) => {
    if (isApiRead(request)) await limiter.call(app, request, reply);
  });
}
