import { collectDeviceFields, KEYS_PATH } from '../diff/collect-device-fields';
import { compareFields } from '../diff/compare-devices';
import { compareFieldPaths } from '../diff/field-order';
import type { ExportImportDevice } from '../model/export-import-device';
import type { AuthState, IdentityState } from './identity-state';

// Stand-ins for values the hub mints during the job. They only make the diff engine see a change;
// field paths are all a plan ever prints.
const MINTED_KEY = '\u0000minted';
const GENERATED_SCOPE = '\u0000generated';

/**
 * Field paths that differ between the identity before and after a line, in the diff engine's
 * names and order (`status`, `authentication.keys`, `tags.site`, ...). Version fields are left
 * out, reported properties are compared: a line that carries them overwrites them.
 */
export function changedFields(before: IdentityState, after: IdentityState): string[] {
  if (sameIdentity(before, after)) return [];
  const options = { includeReported: true };
  const result = compareFields(
    collectDeviceFields(asExportDevice(before), options),
    collectDeviceFields(asExportDevice(after), options),
  );
  const fields = result.changed;
  if (after.keysMinted && !before.keysMinted && !fields.includes(KEYS_PATH)) {
    fields.push(KEYS_PATH);
    fields.sort(compareFieldPaths);
  }
  return fields;
}

/** Cheap equality first: most rows of a re-imported export change nothing. */
export function sameIdentity(a: IdentityState, b: IdentityState): boolean {
  return (
    a.status === b.status &&
    a.statusReason === b.statusReason &&
    a.keysMinted === b.keysMinted &&
    sameAuth(a.auth, b.auth) &&
    a.iotEdge === b.iotEdge &&
    a.deviceScope === b.deviceScope &&
    a.scopeGenerated === b.scopeGenerated &&
    sameJson(a.parentScopes, b.parentScopes) &&
    sameJson(a.tags, b.tags) &&
    sameJson(a.desired, b.desired) &&
    sameJson(a.reported, b.reported)
  );
}

/** Unknown authentication (a keys-excluded snapshot) is not compared, as in the diff engine. */
function sameAuth(a: AuthState | null, b: AuthState | null): boolean {
  if (a === null || b === null) return true;
  return (
    a.type === b.type &&
    a.primaryKey === b.primaryKey &&
    a.secondaryKey === b.secondaryKey &&
    a.primaryThumbprint === b.primaryThumbprint &&
    a.secondaryThumbprint === b.secondaryThumbprint
  );
}

/** Deep equality of JSON values; object key order does not matter. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let count = 0;
  for (const key in x) {
    if (!Object.hasOwn(x, key)) continue;
    if (!Object.hasOwn(y, key) || !sameJson(x[key], y[key])) return false;
    count++;
  }
  for (const key in y) if (Object.hasOwn(y, key)) count--;
  return count === 0;
}

export function asExportDevice(state: IdentityState): ExportImportDevice {
  const device: ExportImportDevice = { id: state.id };
  if (state.moduleId !== undefined) device.moduleId = state.moduleId;
  device.status = state.status;
  if (state.statusReason !== null) device.statusReason = state.statusReason;
  const auth = state.auth;
  device.authentication =
    auth === null
      ? null
      : {
          type: auth.type,
          symmetricKey: state.keysMinted
            ? { primaryKey: MINTED_KEY, secondaryKey: MINTED_KEY }
            : { primaryKey: auth.primaryKey, secondaryKey: auth.secondaryKey },
          x509Thumbprint: {
            primaryThumbprint: auth.primaryThumbprint,
            secondaryThumbprint: auth.secondaryThumbprint,
          },
        };
  device.tags = state.tags;
  device.properties = { desired: state.desired, reported: state.reported };
  device.capabilities = { iotEdge: state.iotEdge };
  if (state.scopeGenerated) device.deviceScope = GENERATED_SCOPE;
  else if (state.deviceScope !== null) device.deviceScope = state.deviceScope;
  if (state.parentScopes.length > 0) device.parentScopes = state.parentScopes;
  return device;
}
