import { hubError, type HubError } from '../http/hub-error';
import type { CompiledRoute } from '../http/route';
import { RIGHTS, type Policies, type Policy } from './policies';
import { requiredDataActions } from './data-actions';
import type { BearerPrincipal, BearerVerifier } from './verify-bearer';
import { verifySas } from './verify-sas';

// Who is calling and whether they may call this route: a SAS policy and its rights
// (docs/reference/hub-wire-contract.md#permissions), or an Entra principal and the data actions of
// its roles (docs/reference/hub-wire-contract.md#entra-bearer-tokens). With local auth disabled SAS
// tokens are refused, as on a hub with "disableLocalAuth".
export type Caller =
  { kind: 'sas'; policy: Policy } | { kind: 'bearer'; principal: BearerPrincipal };

export interface CallerContext {
  policies: Policies;
  resources: readonly string[];
  bearer: BearerVerifier | undefined;
  disableLocalAuth: boolean;
}

const ALL_RIGHTS = RIGHTS.RegistryRead | RIGHTS.RegistryWrite | RIGHTS.ServiceConnect;

export async function authenticateCaller(
  header: string | undefined,
  ctx: CallerContext,
  now: Date,
): Promise<Caller | HubError> {
  const bearer = /^Bearer\s+([A-Za-z0-9\-_.]+)$/.exec(header ?? '');
  if (bearer?.[1]) {
    if (!ctx.bearer) return hubError('IotHubUnauthorizedAccess', 'Unauthorized');
    const principal = await ctx.bearer(bearer[1], now);
    return 'errorName' in principal ? principal : { kind: 'bearer', principal };
  }
  if (ctx.disableLocalAuth && header?.startsWith('SharedAccessSignature'))
    return hubError(
      'IotHubUnauthorizedAccess',
      'Unauthorized: local (SAS) authentication is disabled for this hub.',
    );
  const policy = verifySas(header, { policies: ctx.policies, resources: ctx.resources, now });
  return 'errorName' in policy ? policy : { kind: 'sas', policy };
}

/** The rights the handler sees, or the hub's 401 for a caller without them. */
export function authorizeCaller(
  caller: Caller,
  route: CompiledRoute,
  pathname: string,
): number | HubError {
  if (caller.kind === 'sas') {
    const { policy } = caller;
    if (route.rights.some((right) => (policy.rights & RIGHTS[right]) !== 0)) return policy.rights;
    return hubError(
      'IotHubUnauthorizedAccess',
      `Authorization rule '${policy.name}' does not allow access for '${pathname}'`,
    );
  }
  const { principal } = caller;
  if (requiredDataActions(route).every((action) => principal.actions.has(action)))
    return ALL_RIGHTS;
  // The live hub's words for a principal without a data-plane role
  // (docs/reference/hub-wire-contract.md#later-public-reports).
  return hubError(
    'IotHubUnauthorized',
    `Principal ${principal.name} is not authorized for ${route.method} on ${pathname} due to no assigned permissions`,
  );
}
