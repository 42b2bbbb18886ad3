import { hubError } from '../http/hub-error';
import { deviceEtag, etagCounterText } from '../model/etag';
import type { Identity } from '../model/identity';
import { isObject, parseIdentityFields } from '../model/parse-identity-json';
import { deviceBodyKeys } from '../model/canonical-keys';
import { validateIdentityInput } from '../model/validate-identity-input';
import type { OperationFailure } from './operation-failure';
import type { RegistryContext } from './registry-context';
import { alreadyExists, createNew, refuseSystemModuleDelete, replace } from './write-identity';

// PUT /devices/{id} and PUT /devices/{id}/modules/{mid}
// (docs/reference/hub-wire-contract.md#device-identities and
// docs/reference/hub-wire-contract.md#recorded-traffic): without If-Match the call only creates
// (409 if it exists, even with the right etag in the body); with If-Match it only updates (404 if
// missing, 412 on a mismatch; `*` matches anything).
export function putIdentity(
  rawBody: unknown,
  deviceId: string,
  moduleId: string,
  ifMatchValue: string | undefined,
  ctx: RegistryContext,
): { identity: Identity; created: boolean } {
  if (!isObject(rawBody)) throw hubError('ArgumentNull', 'The request body must be a JSON object.');
  const body = deviceBodyKeys(rawBody);
  const idField = moduleId ? body.deviceId : (body.deviceId ?? deviceId);
  if (idField !== undefined && idField !== deviceId)
    throw hubError('ArgumentInvalid', `The deviceId in the body does not match '${deviceId}'.`);
  if (moduleId && body.moduleId !== undefined && body.moduleId !== moduleId) {
    throw hubError('ArgumentInvalid', `The moduleId in the body does not match '${moduleId}'.`);
  }
  const parsed = parseIdentityFields(body, deviceId, moduleId);
  if (!parsed.ok) throw hubError('ArgumentInvalid', parsed.message);
  const input = parsed.value;
  const store = ctx.store;
  return store.transaction(() => {
    const existing = store.getIdentity(deviceId, moduleId);
    const invalid = validateIdentityInput(input, ctx.strictIds, !existing);
    if (invalid) throw hubError('ArgumentInvalid', invalid);
    if (ifMatchValue === undefined) {
      if (existing) throwFailure(alreadyExists(input));
      throwFailure(createNew(input, ctx));
      return { identity: readBack(ctx, deviceId, moduleId), created: true };
    }
    if (!existing) throw notFound(deviceId, moduleId);
    if (ifMatchValue !== '*' && ifMatchValue !== deviceEtag(existing.etag)) {
      throw hubError(
        'PreconditionFailed',
        `Precondition failed: Device version did not match, existingVersion:${existing.etag} newVersion:${etagCounterText(ifMatchValue)}`,
      );
    }
    throwFailure(replace(existing, input, ctx));
    return { identity: readBack(ctx, deviceId, moduleId), created: false };
  });
}

/**
 * DELETE needs If-Match (412 "Etag missing" otherwise,
 * docs/reference/hub-wire-contract.md#device-identities); `*` or the current etag.
 */
export function deleteIdentityChecked(
  deviceId: string,
  moduleId: string,
  ifMatchValue: string | undefined,
  ctx: RegistryContext,
): void {
  const store = ctx.store;
  store.transaction(() => {
    const existing = store.getIdentity(deviceId, moduleId);
    if (!existing) throw notFound(deviceId, moduleId);
    if (ifMatchValue === undefined) throw hubError('PreconditionFailed', 'Etag missing');
    if (ifMatchValue !== '*' && ifMatchValue !== deviceEtag(existing.etag)) {
      throw hubError(
        'PreconditionFailed',
        `Precondition failed: Device version did not match, existingVersion:${existing.etag} newVersion:${etagCounterText(ifMatchValue)}`,
      );
    }
    throwFailure(refuseSystemModuleDelete(deviceId, moduleId));
    store.deleteIdentity(deviceId, moduleId);
  });
}

function throwFailure(failure: OperationFailure | undefined): void {
  if (failure) throw hubError(failure.errorName, failure.message);
}

function readBack(ctx: RegistryContext, deviceId: string, moduleId: string): Identity {
  const identity = ctx.store.getIdentity(deviceId, moduleId);
  if (!identity) throw new Error(`identity ${deviceId}/${moduleId} vanished inside its write`);
  return identity;
}

function notFound(deviceId: string, moduleId: string) {
  return moduleId
    ? hubError('ModuleNotFound', `${deviceId}/${moduleId}`)
    : hubError('DeviceNotFound', deviceId);
}
