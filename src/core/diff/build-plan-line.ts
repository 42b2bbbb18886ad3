import type {
  AuthenticationMechanism,
  ExportImportDevice,
  TwinCollection,
} from '../model/export-import-device';
import type { ImportMode } from '../model/import-mode';

/**
 * A line of A's data for `create` / `createOrUpdate`. Version fields and reported properties are
 * left out.
 */
export function identityLine(
  a: ExportImportDevice,
  mode: ImportMode,
  authentication: AuthenticationMechanism | undefined,
): ExportImportDevice {
  const line = head(a, mode, a.status);
  if (a.statusReason !== undefined && a.statusReason !== null) line.statusReason = a.statusReason;
  if (authentication !== undefined) line.authentication = authentication;
  const tags = nonEmpty(a.tags);
  if (tags !== undefined) line.tags = tags;
  const desired = desiredOf(a);
  if (desired !== undefined) line.properties = { desired };
  if (a.capabilities !== undefined && a.capabilities !== null)
    line.capabilities = { iotEdge: a.capabilities.iotEdge === true };
  if (a.deviceScope !== undefined && a.deviceScope !== null) line.deviceScope = a.deviceScope;
  if (Array.isArray(a.parentScopes) && a.parentScopes.length > 0)
    line.parentScopes = a.parentScopes;
  return line;
}

// updateTwin overwrites the twin with the line's data
// (docs/reference/hub-wire-contract.md#import-modes), so empty tags and desired are written out
// too: they clear what B has and A has not.
export function twinLine(a: ExportImportDevice): ExportImportDevice {
  const line = head(a, 'updateTwin', a.status);
  line.tags = nonEmpty(a.tags) ?? {};
  line.properties = { desired: desiredOf(a) ?? {} };
  return line;
}

export function deleteLine(b: ExportImportDevice): ExportImportDevice {
  return head(b, 'delete', b.status);
}

/**
 * The authentication to write: A's, without keys it does not have (then the hub generates them).
 */
export function authenticationOf(device: ExportImportDevice): AuthenticationMechanism | undefined {
  const auth = device.authentication;
  if (auth === null || auth === undefined) return undefined;
  const out: AuthenticationMechanism = { type: auth.type };
  const keys = auth.symmetricKey;
  if (keys && (keys.primaryKey || keys.secondaryKey))
    out.symmetricKey = { primaryKey: keys.primaryKey, secondaryKey: keys.secondaryKey };
  const thumbs = auth.x509Thumbprint;
  if (thumbs && (thumbs.primaryThumbprint || thumbs.secondaryThumbprint)) {
    out.x509Thumbprint = {
      primaryThumbprint: thumbs.primaryThumbprint,
      secondaryThumbprint: thumbs.secondaryThumbprint,
    };
  }
  return out;
}

export function hasKeys(auth: AuthenticationMechanism | undefined): boolean {
  return auth?.symmetricKey !== undefined && auth.symmetricKey !== null;
}

// 3P observed that the service wants `status` on every line, delete and updateTwin included
// (docs/reference/hub-wire-contract.md#line-fields), so a line always carries one.
function head(
  device: ExportImportDevice,
  mode: ImportMode,
  status: ExportImportDevice['status'],
): ExportImportDevice {
  const line: ExportImportDevice = { id: device.id };
  if (device.moduleId !== undefined) line.moduleId = device.moduleId;
  line.importMode = mode;
  line.status =
    status === 'disabled' || (typeof status === 'string' && status.toLowerCase() === 'disabled')
      ? 'disabled'
      : 'enabled';
  return line;
}

function desiredOf(device: ExportImportDevice): TwinCollection | undefined {
  const desired = device.properties?.desired;
  if (desired === undefined || desired === null) return undefined;
  const copy: TwinCollection = {};
  let any = false;
  for (const [key, value] of Object.entries(desired)) {
    if (key === '$metadata' || key === '$version') continue;
    copy[key] = value;
    any = true;
  }
  return any ? copy : undefined;
}

function nonEmpty(collection: TwinCollection | undefined): TwinCollection | undefined {
  return collection !== undefined && collection !== null && Object.keys(collection).length > 0
    ? collection
    : undefined;
}
