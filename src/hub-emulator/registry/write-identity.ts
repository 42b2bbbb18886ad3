import type { Identity } from '../model/identity';
import type { IdentityInput } from '../model/identity-input';
import { createIdentity, replaceIdentity, type BuildContext } from '../model/build-identity';
import { dotNetTicks, MIN_TIME } from '../model/hub-time';
import { isEdgeSystemModule } from '../model/device-scope';
import { isFailure, type OperationFailure } from './operation-failure';
import type { RegistryContext } from './registry-context';
import { resolveDeviceScopes } from './resolve-device-scopes';
import { identitiesCreatedWith, syncEdgeSystemModules } from './sync-edge-system-modules';

// Creating and overwriting one identity, shared by import lines, bulk items and PUT: the device
// cap, the edge hierarchy's scopes and the edge runtime's modules are applied here.

/** Overwrites an identity with the input (scopes resolved, edge modules kept in step). */
export function replace(
  existing: Identity,
  input: IdentityInput,
  ctx: RegistryContext,
): OperationFailure | undefined {
  let scoped = input;
  if (!input.moduleId) {
    const scopes = resolveDeviceScopes(input, existing, existing.generationId, ctx.store);
    if (isFailure(scopes)) return scopes;
    scoped = { ...input, ...scopes };
  }
  const updated = replaceIdentity(existing, scoped, buildContext(ctx));
  ctx.store.updateIdentity(updated);
  if (!input.moduleId) syncEdgeSystemModules(updated, existing, ctx);
  return undefined;
}

export function createNew(
  input: IdentityInput,
  ctx: RegistryContext,
): OperationFailure | undefined {
  if (input.moduleId && !ctx.store.getIdentity(input.deviceId, '')) {
    return { errorName: 'DeviceNotFound', message: input.deviceId };
  }
  const adds = input.moduleId ? 1 : identitiesCreatedWith(input.iotEdge);
  if (ctx.store.identityCount() + adds > ctx.deviceCap) {
    if (ctx.store.getIdentity(input.deviceId, input.moduleId)) return alreadyExists(input);
    return {
      errorName: 'IotHubQuotaExceeded',
      message: 'Total number of devices on IotHub exceeded the allocated quota.',
    };
  }
  let scoped = input;
  if (!input.moduleId && (input.iotEdge || input.deviceScope || input.parentScopes)) {
    const scopes = resolveDeviceScopes(input, undefined, dotNetTicks(ctx.now), ctx.store);
    if (isFailure(scopes)) return scopes;
    scoped = { ...input, ...scopes };
  }
  const identity: Identity = createIdentity(scoped, buildContext(ctx, createdStamps(input, ctx)));
  if (!ctx.store.insertIdentity(identity)) return alreadyExists(input);
  if (identity.iotEdge && !identity.moduleId) syncEdgeSystemModules(identity, undefined, ctx);
  return undefined;
}

/** The edge runtime's modules go with their device, never on their own (docs/hub-emulator.md). */
export function refuseSystemModuleDelete(
  deviceId: string,
  moduleId: string,
): OperationFailure | undefined {
  if (!moduleId || !isEdgeSystemModule(moduleId)) return undefined;
  return {
    errorName: 'ArgumentInvalid',
    message: `The module '${moduleId}' of IoT Edge device '${deviceId}' belongs to the edge runtime and cannot be deleted on its own.`,
  };
}

// As recorded (docs/reference/hub-wire-contract.md#recorded-traffic): a bulk create's desired
// properties and a module made by PUT start with .NET's DateTime.MinValue as their `$lastUpdated`.
function createdStamps(input: IdentityInput, ctx: RegistryContext): BuildContext['createdStamps'] {
  if (ctx.origin === 'bulk' && input.desired) return { desired: MIN_TIME };
  if (ctx.origin === 'rest' && input.moduleId) return { desired: MIN_TIME, reported: MIN_TIME };
  return undefined;
}

export function buildContext(
  ctx: RegistryContext,
  createdStamps?: BuildContext['createdStamps'],
): BuildContext {
  return {
    now: ctx.now,
    keys: ctx.keys,
    etag: ctx.store.nextEtag(),
    applyReported: ctx.applyReported,
    createdStamps,
  };
}

export function alreadyExists(input: IdentityInput): OperationFailure {
  const { deviceId, moduleId } = input;
  return moduleId
    ? {
        errorName: 'ModuleAlreadyExistsOnDevice',
        message: `A module with ID '${moduleId}' already exists on device '${deviceId}'.`,
      }
    : {
        errorName: 'DeviceAlreadyExists',
        message: `A device with ID '${deviceId}' is already registered.`,
      };
}
