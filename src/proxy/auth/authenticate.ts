import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { AppRole } from '../../contracts/api/identity';
import { forbidden, unauthenticated } from '../http/api-error';
import type { BearerVerifier, Principal } from './bearer-verifier';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export const isApiPath = (path: string | undefined): boolean =>
  path === '/api' || Boolean(path?.startsWith('/api/'));

// Every /api path is authenticated before routing decisions leak anything: an anonymous caller gets
// 401 even for an /api path that does not exist. The matched route pattern is checked as well as
// the raw URL, because the router decodes `/%61pi/me` to `/api/me`. requireRole checks again.
// There is no option that skips this.
export function installAuthentication(app: FastifyInstance, verify: BearerVerifier): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    if (isApiPath(request.url.split('?')[0]) || isApiPath(request.routeOptions.url)) {
      request.principal = await verify(request.headers.authorization);
    }
  });
}

/** 403 unless the verified caller holds one of `roles`. */
export function requireRole(...roles: AppRole[]): preHandlerAsyncHookHandler {
  return async (request) => {
    const principal = request.principal;
    if (!principal) throw unauthenticated();
    if (!principal.roles.some((role) => roles.includes(role))) throw forbidden();
  };
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthenticated();
  return request.principal;
}
