import type { AppRole } from '../../contracts/api/identity';
import type { Principal } from '../auth/bearer-verifier';
import { rolesOnHub, type HubRoleValues } from '../auth/hub-roles';
import { ApiError, forbidden } from '../http/api-error';
import type { ProxyContext } from '../operations/proxy-context';

// A copy reads one hub's export and writes another hub's import, so the caller must be an admin
// of both (docs/bulk-flows.md, "Copy a hub into another"). The route's scope has narrowed the
// caller's roles to the target hub (routes/hub-scope.ts); the source hub's roles are worked out
// again from the token's role values, never from the narrowed roles, which would let an admin of
// the target alone pass as admin of the source.

export interface CopyHub {
  id: string;
  displayName: string;
  hostName: string;
  roleValues: HubRoleValues;
  context: ProxyContext;
}

export interface GlobalRoleNames {
  admin: string;
  support: string;
}

export function globalRolesOf(principal: Principal, names: GlobalRoleNames): AppRole[] {
  const claimed = principal.roleValues ?? [];
  const roles: AppRole[] = [];
  if (claimed.includes(names.admin)) roles.push('admin');
  if (claimed.includes(names.support)) roles.push('support');
  return roles;
}

/** The source hub of a copy, once the caller is known to be its admin; 404 for an unknown id. */
export function sourceHubFor(
  hubs: readonly CopyHub[],
  sourceHubId: string,
  principal: Principal,
  names: GlobalRoleNames,
): CopyHub {
  const source = hubs.find((hub) => hub.id === sourceHubId);
  if (!source) throw new ApiError(404, 'HUB_NOT_FOUND', 'No hub has this id.');
  const roles = rolesOnHub(
    { ...principal, roles: globalRolesOf(principal, names) },
    source.roleValues,
  );
  if (!roles.includes('admin'))
    throw forbidden('A copy needs the Admin role on the source hub as well as on the target.');
  return source;
}
