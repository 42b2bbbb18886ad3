import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Policies } from '../auth/policies';
import { authenticateCaller, authorizeCaller } from '../auth/authorize-caller';
import type { BearerVerifier } from '../auth/verify-bearer';
import { HubError, hubError } from './hub-error';
import { readJsonBody } from './read-json-body';
import { matchRoute, type CompiledRoute } from './route';
import { errorResponse, sendResponse, type HubResponse } from './send';
import type { ThrottleGate } from '../throttle/refuse-throttled';

// The request pipeline: api-version, caller (SAS or Entra bearer), route, rights, throttle,
// handler; every failure leaves as the hub's error envelope. Unknown paths are a loud 501, never a
// silent success (strict by default).
export interface DispatchContext {
  routes: readonly CompiledRoute[];
  policies: Policies;
  resources: () => readonly string[];
  apiVersions: readonly string[];
  /** Undefined when no Entra issuer is configured: bearer tokens are then refused. */
  bearer: BearerVerifier | undefined;
  disableLocalAuth: boolean;
  clock: () => Date;
  newId: () => string;
  /** Undefined when throttling is off. */
  throttle: ThrottleGate | undefined;
  log: (line: string) => void;
}

export function createDispatcher(
  ctx: DispatchContext,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const requestId = ctx.newId();
    const now = ctx.clock();
    handle(req, now, ctx)
      .catch((error: unknown) => {
        if (error instanceof HubError) return errorResponse(error, requestId, now);
        ctx.log(
          `internal error on ${req.method} ${req.url}: ${(error as Error).stack ?? String(error)}`,
        );
        return errorResponse(hubError('ServerError', 'Internal server error.'), requestId, now);
      })
      .then((response) => sendResponse(res, response, requestId))
      .catch((error: unknown) =>
        ctx.log(`failed to answer ${req.method} ${req.url}: ${String(error)}`),
      );
  };
}

async function handle(req: IncomingMessage, now: Date, ctx: DispatchContext): Promise<HubResponse> {
  const url = new URL(req.url ?? '/', 'https://localhost');
  const version = url.searchParams.get('api-version');
  if (!version || !ctx.apiVersions.includes(version)) {
    throw hubError(
      'InvalidProtocolVersion',
      `Invalid or unsupported api-version '${version ?? ''}'.`,
    );
  }
  const caller = await authenticateCaller(
    req.headers.authorization,
    { ...ctx, resources: ctx.resources() },
    now,
  );
  if (caller instanceof HubError) throw caller;
  const method = req.method ?? 'GET';
  const match = matchRoute(ctx.routes, method, url.pathname);
  if (match === undefined)
    throw hubError('NotImplemented', `The emulator does not implement ${url.pathname}.`);
  if (match === 'method')
    throw hubError('NotImplemented', `The emulator does not implement ${method} ${url.pathname}.`);
  const { route, params } = match;
  const rights = authorizeCaller(caller, route, url.pathname);
  if (rights instanceof HubError) throw rights;
  let bodyPromise: Promise<unknown> | undefined;
  const body = (): Promise<unknown> => (bodyPromise ??= readJsonBody(req));
  if (ctx.throttle && route.throttle) {
    const cost = route.throttle.cost ? route.throttle.cost(await body()) : 1;
    const refused = ctx.throttle(route.throttle.class, cost, method, now);
    if (refused) {
      ctx.log(`throttled ${method} ${url.pathname} (${route.throttle.class})`);
      throw refused;
    }
  }
  return route.handle({
    params,
    query: url.searchParams,
    headers: req.headers,
    body,
    now,
    rights,
  });
}
