import type { AppRole } from '../../contracts/api/identity';
import type { Principal } from './bearer-verifier';

// Roles are per hub (docs/proxy.md, "Several hubs"): the global role values (AUTH_ROLE_ADMIN,
// AUTH_ROLE_SUPPORT) grant every hub, a hub's own `adminRoles`/`supportRoles` grant that hub only.

export interface HubRoleValues {
  adminRoles?: readonly string[];
  supportRoles?: readonly string[];
}

/** The caller's roles on one hub, admin first; empty when the caller may not use that hub. */
export function rolesOnHub(principal: Principal, hub: HubRoleValues): AppRole[] {
  const claimed = principal.roleValues ?? [];
  const holds = (values: readonly string[] | undefined): boolean =>
    (values ?? []).some((value) => claimed.includes(value));
  const roles: AppRole[] = [];
  if (principal.roles.includes('admin') || holds(hub.adminRoles)) roles.push('admin');
  if (principal.roles.includes('support') || holds(hub.supportRoles)) roles.push('support');
  return roles;
}

/** The one role GET /api/hubs shows for a hub: admin when both are held. */
export function primaryRole(roles: readonly AppRole[]): AppRole | undefined {
  if (roles.includes('admin')) return 'admin';
  return roles.includes('support') ? 'support' : undefined;
}
