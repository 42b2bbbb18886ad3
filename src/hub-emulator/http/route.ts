import type { IncomingHttpHeaders } from 'node:http';
import type { Right } from '../auth/policies';
import type { ThrottleClass } from '../throttle/throttle-limits';
import type { HubResponse } from './send';
import { hubError } from './hub-error';

// One REST operation: a method, a path pattern whose `{name}` segments are URL-decoded into params,
// the SAS right it needs (docs/reference/hub-wire-contract.md#permissions) and the handler. Paths
// match as the hub's ASP.NET routing does: literal segments ignore case and one trailing slash is
// allowed (the Node SDK's Registry.list() sends `GET /devices/`; docs/hub-emulator.md).
export interface HubRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: () => Promise<unknown>;
  now: Date;
  /** Rights of the policy that signed the request (RIGHTS flags). */
  rights: number;
}

export interface Route {
  method: string;
  path: string;
  /** Any one of these rights is enough. */
  rights: readonly Right[];
  /** The operation class it counts against; `cost` counts a bulk call by its items. */
  throttle?: { class: ThrottleClass; cost?: (body: unknown) => number };
  handle: (req: HubRequest) => HubResponse | Promise<HubResponse>;
}

export interface CompiledRoute extends Route {
  regex: RegExp;
  names: string[];
}

export function compileRoute(route: Route): CompiledRoute {
  const names: string[] = [];
  const pattern = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { ...route, regex: new RegExp(`^${pattern}/?$`, 'i'), names };
}

export function matchRoute(
  routes: readonly CompiledRoute[],
  method: string,
  pathname: string,
): { route: CompiledRoute; params: Record<string, string> } | 'method' | undefined {
  let pathMatched = false;
  for (const route of routes) {
    const match = route.regex.exec(pathname);
    if (!match) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    const params: Record<string, string> = {};
    route.names.forEach((name, i) => {
      params[name] = decodeSegment(match[i + 1] ?? '');
    });
    return { route, params };
  }
  return pathMatched ? 'method' : undefined;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw hubError(
      'ArgumentInvalid',
      `The path segment '${segment}' is not valid percent-encoding.`,
    );
  }
}
