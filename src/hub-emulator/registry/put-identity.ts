import { hubError } from '../http/hub-error';
import type { Identity } from '../model/identity';
import { createIdentity, replaceIdentity } from '../model/build-identity';
import { deviceEtag, etagCounterText } from '../model/etag';
import { isObject, parseIdentityFields } from '../model/parse-identity-json';
import { deviceBodyKeys } from '../model/canonical-keys';
import { validateIdentityInput } from '../model/validate-identity-input';
import type { RegistryContext } from './apply-import-operation';

// PUT /devices/{id} and PUT /devices/{id}/modules/{mid} (hub-protocol.md sec. 2.5, obs 3P + I7):
// without If-Match the call only creates (409 if it exists, even with the right etag in the body);
// with If-Match it only updates (404 if missing, 412 on a mismatch; `*` matches anything).
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
    const build = () => ({
      now: ctx.now,
      keys: ctx.keys,
      etag: store.nextEtag(),
      applyReported: ctx.applyReported,
    });
    if (ifMatchValue === undefined) {
      if (existing) {
        throw moduleId
          ? hubError(
              'ModuleAlreadyExistsOnDevice',
              `A module with ID '${moduleId}' already exists on device '${deviceId}'.`,
            )
          : hubError(
              'DeviceAlreadyExists',
              `A device with ID '${deviceId}' is already registered.`,
            );
      }
      if (moduleId && !store.getIdentity(deviceId, '')) throw hubError('DeviceNotFound', deviceId);
      if (store.identityCount() >= ctx.deviceCap) {
        throw hubError(
          'IotHubQuotaExceeded',
          'Total number of devices on IotHub exceeded the allocated quota.',
        );
      }
      const identity = createIdentity(input, build());
      store.insertIdentity(identity);
      return { identity, created: true };
    }
    if (!existing)
      throw moduleId
        ? hubError('ModuleNotFound', `${deviceId}/${moduleId}`)
        : hubError('DeviceNotFound', deviceId);
    if (ifMatchValue !== '*' && ifMatchValue !== deviceEtag(existing.etag)) {
      throw hubError(
        'PreconditionFailed',
        `Precondition failed: Device version did not match, existingVersion:${existing.etag} newVersion:${etagCounterText(ifMatchValue)}`,
      );
    }
    const identity = replaceIdentity(existing, input, build());
    store.updateIdentity(identity);
    return { identity, created: false };
  });
}

/** DELETE needs If-Match (412 "Etag missing" otherwise, obs 3P); `*` or the current etag. */
export function deleteIdentityChecked(
  deviceId: string,
  moduleId: string,
  ifMatchValue: string | undefined,
  ctx: RegistryContext,
): void {
  const store = ctx.store;
  store.transaction(() => {
    const existing = store.getIdentity(deviceId, moduleId);
    if (!existing)
      throw moduleId
        ? hubError('ModuleNotFound', `${deviceId}/${moduleId}`)
        : hubError('DeviceNotFound', deviceId);
    if (ifMatchValue === undefined) throw hubError('PreconditionFailed', 'Etag missing');
    if (ifMatchValue !== '*' && ifMatchValue !== deviceEtag(existing.etag)) {
      throw hubError(
        'PreconditionFailed',
        `Precondition failed: Device version did not match, existingVersion:${existing.etag} newVersion:${etagCounterText(ifMatchValue)}`,
      );
    }
    store.deleteIdentity(deviceId, moduleId);
  });
}
