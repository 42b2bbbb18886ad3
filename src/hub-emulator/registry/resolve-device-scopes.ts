import type { Identity } from '../model/identity';
import type { IdentityInput } from '../model/identity-input';
import { generatedEdgeScope, isOwnGeneratedScope, scopeOwnerId } from '../model/device-scope';
import type { HubStore } from '../store/hub-store';

type ScopeLookup = Pick<HubStore, 'getIdentity'>;
import type { OperationFailure } from './operation-failure';

// Decides a device's deviceScope and parentScopes for a create or an update (rules written out in
// docs/hub-emulator.md, "Edge devices and scopes"). A scope reference is checked only when it
// changes, so a child whose parent was deleted can still be updated with its scope unchanged.
export interface ResolvedScopes {
  deviceScope: string | null;
  parentScopes: string[] | null;
}

const MAX_PARENT_CHAIN = 16;

export function resolveDeviceScopes(
  input: IdentityInput,
  existing: Identity | undefined,
  generationId: string,
  store: ScopeLookup,
): ResolvedScopes | OperationFailure {
  const edge = input.iotEdge ?? existing?.iotEdge ?? false;
  return edge
    ? resolveEdge(input, existing, generationId, store)
    : resolveLeaf(input, existing, store);
}

function resolveEdge(
  input: IdentityInput,
  existing: Identity | undefined,
  generationId: string,
  store: ScopeLookup,
): ResolvedScopes | OperationFailure {
  const { deviceId } = input;
  // An edge device's own scope is generated and immutable; a custom one is ignored
  // (docs/reference/hub-wire-contract.md#import-modes). A scope generated for this very id (an
  // export of another hub) is kept, so a hub-to-hub copy keeps its hierarchy.
  const deviceScope =
    existing?.iotEdge && existing.deviceScope
      ? existing.deviceScope
      : isOwnGeneratedScope(input.deviceScope, deviceId)
        ? (input.deviceScope as string)
        : generatedEdgeScope(deviceId, generationId);
  const previous = existing?.parentScopes ?? [];
  if (input.parentScopes === undefined) return { deviceScope, parentScopes: previous };
  const parentScopes = input.parentScopes ?? [];
  if (parentScopes.length > 1)
    return invalid(
      `An IoT Edge device can have at most one parent; '${deviceId}' names ${parentScopes.length}.`,
    );
  const parent = parentScopes[0];
  if (parent === undefined || parent === previous[0]) return { deviceScope, parentScopes };
  const problem = checkEdgeParent(parent, deviceId, deviceScope, store);
  return problem ?? { deviceScope, parentScopes };
}

function resolveLeaf(
  input: IdentityInput,
  existing: Identity | undefined,
  store: ScopeLookup,
): ResolvedScopes | OperationFailure {
  const given = input.parentScopes ?? undefined;
  if (given && given.length > 1)
    return invalid(`A device that is not an IoT Edge device has at most one parent scope.`);
  let deviceScope: string | null;
  if (input.deviceScope !== undefined) deviceScope = input.deviceScope || null;
  else if (given) deviceScope = given[0] ?? null;
  else if (existing?.iotEdge) deviceScope = existing.parentScopes?.[0] ?? null;
  else deviceScope = existing?.deviceScope ?? null;
  if (given && given.length === 1 && given[0] !== deviceScope)
    return invalid(
      'For a device that is not an IoT Edge device, parentScopes must equal [deviceScope].',
    );
  const unchanged =
    existing !== undefined && !existing.iotEdge && existing.deviceScope === deviceScope;
  if (deviceScope !== null && !unchanged) {
    const owner = edgeOwning(deviceScope, store);
    if (!owner || owner.deviceId === input.deviceId)
      return invalid(`The device scope '${deviceScope}' does not belong to an IoT Edge device.`);
  }
  return { deviceScope, parentScopes: deviceScope === null ? null : [deviceScope] };
}

function checkEdgeParent(
  parent: string,
  deviceId: string,
  ownScope: string,
  store: ScopeLookup,
): OperationFailure | undefined {
  let current = edgeOwning(parent, store);
  if (!current || current.deviceId === deviceId)
    return invalid(`The parent scope '${parent}' does not belong to another IoT Edge device.`);
  // Walk up the parent's own chain: reaching this device again would make a loop.
  for (let depth = 0; current && depth < MAX_PARENT_CHAIN; depth++) {
    const next = current.parentScopes?.[0];
    if (next === undefined) return undefined;
    if (next === ownScope)
      return invalid(`Making '${parent}' the parent of '${deviceId}' would create a cycle.`);
    current = edgeOwning(next, store);
  }
  return undefined;
}

function edgeOwning(scope: string, store: ScopeLookup): Identity | undefined {
  const ownerId = scopeOwnerId(scope);
  if (ownerId === undefined) return undefined;
  const owner = store.getIdentity(ownerId, '');
  return owner?.iotEdge && owner.deviceScope === scope ? owner : undefined;
}

function invalid(message: string): OperationFailure {
  return { errorName: 'ArgumentInvalid', message };
}
