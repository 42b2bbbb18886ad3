import type { Route } from '../http/route';

// Microsoft Entra access to the hub is granted per data action
// (docs/reference/hub-wire-contract.md#entra-bearer-tokens, #permissions), through the four
// built-in data-plane roles. A local token names its roles in the `roles` claim by their display
// names (docs/hub-emulator.md, "Entra ID tokens").
export type DataAction =
  | 'devices/read'
  | 'devices/write'
  | 'devices/delete'
  | 'twins/read'
  | 'twins/write'
  | 'jobs/read'
  | 'jobs/write'
  | 'jobs/delete'
  | 'statistics/read'
  | 'configurations/read'
  | 'configurations/write'
  | 'configurations/delete';

const ALL: readonly DataAction[] = [
  'devices/read',
  'devices/write',
  'devices/delete',
  'twins/read',
  'twins/write',
  'jobs/read',
  'jobs/write',
  'jobs/delete',
  'statistics/read',
  'configurations/read',
  'configurations/write',
  'configurations/delete',
];

export const ROLE_DATA_ACTIONS: Readonly<Record<string, readonly DataAction[]>> = {
  'IoT Hub Data Contributor': ALL,
  'IoT Hub Data Reader': ALL.filter((action) => action.endsWith('/read')),
  // Registry Contributor alone lacks twins/read
  // (docs/reference/hub-wire-contract.md#entra-bearer-tokens).
  'IoT Hub Registry Contributor': ['devices/read', 'devices/write', 'devices/delete'],
  'IoT Hub Twin Contributor': ['twins/read', 'twins/write'],
};

export function dataActionsOfRoles(roles: readonly string[]): Set<DataAction> {
  return new Set(roles.flatMap((role) => ROLE_DATA_ACTIONS[role] ?? []));
}

/**
 * The data actions a route needs, all of them (docs/reference/hub-wire-contract.md#permissions's
 * table, bulk = write and delete).
 */
export function requiredDataActions(route: Pick<Route, 'method' | 'path'>): DataAction[] {
  const resource = route.path.split('/')[1] ?? '';
  const { method } = route;
  if (route.path === '/devices/query') return ['twins/read'];
  if (resource === 'devices' && route.path === '/devices' && method === 'POST')
    return ['devices/write', 'devices/delete'];
  if (resource === 'statistics') return ['statistics/read'];
  if (
    resource === 'devices' ||
    resource === 'twins' ||
    resource === 'jobs' ||
    resource === 'configurations'
  ) {
    const family = resource as 'devices' | 'twins' | 'jobs' | 'configurations';
    if (method === 'GET') return [`${family}/read`];
    if (method === 'DELETE') return [family === 'twins' ? 'twins/write' : `${family}/delete`];
    return [`${family}/write`];
  }
  return ALL.slice();
}
