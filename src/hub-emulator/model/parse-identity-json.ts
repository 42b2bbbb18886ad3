import type { AuthenticationInput, IdentityInput } from './identity-input';
import { parseAuthType, parseStatus } from './identity-input';
import type { TwinSection } from './identity';
import {
  authenticationKeys,
  capabilitiesKeys,
  propertiesKeys,
  symmetricKeyKeys,
  thumbprintKeys,
} from './canonical-keys';

// Turns the loose JSON of a Device body or an ExportImportDevice line into an IdentityInput. Shape
// problems (wrong types, unknown enum values) are deserialization errors: the caller decides
// whether that is a 400012 log line or a 400 response. Unknown properties are ignored, as the hub
// does. Property names were already matched case-insensitively (canonical-keys.ts) at the top
// level; the nested objects are matched here.
export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseIdentityFields(
  json: Json,
  deviceId: string,
  moduleId: string,
): ParseResult<IdentityInput> {
  const input: IdentityInput = { deviceId, moduleId };
  if (json.status !== undefined && json.status !== null) {
    const status = parseStatus(json.status);
    if (!status)
      return fail(
        `Error converting value ${JSON.stringify(json.status)} to type 'DeviceStatus'. Path 'status'.`,
      );
    input.status = status;
  }
  if (json.statusReason !== undefined) {
    if (json.statusReason !== null && typeof json.statusReason !== 'string')
      return fail("Unexpected value for 'statusReason'.");
    input.statusReason = json.statusReason;
  }
  const auth = parseAuthentication(json.authentication);
  if (!auth.ok) return auth;
  if (auth.value !== undefined) input.authentication = auth.value;
  if (json.capabilities !== undefined && json.capabilities !== null) {
    if (!isObject(json.capabilities)) return fail("Unexpected value for 'capabilities'.");
    input.iotEdge = capabilitiesKeys(json.capabilities).iotEdge === true;
  }
  if (typeof json.deviceScope === 'string' || json.deviceScope === null)
    input.deviceScope = json.deviceScope;
  if (json.parentScopes === null) input.parentScopes = null;
  else if (Array.isArray(json.parentScopes))
    input.parentScopes = json.parentScopes.filter((s): s is string => typeof s === 'string');
  if (typeof json.managedBy === 'string') input.managedBy = json.managedBy;
  return { ok: true, value: input };
}

export function parseTwinSections(json: Json, target: IdentityInput): ParseResult<IdentityInput> {
  if (json.tags !== undefined && json.tags !== null) {
    if (!isObject(json.tags)) return fail("Unexpected value for 'tags'.");
    target.tags = json.tags;
  }
  if (json.properties !== undefined && json.properties !== null) {
    if (!isObject(json.properties)) return fail("Unexpected value for 'properties'.");
    const properties = propertiesKeys(json.properties);
    const desired = section(properties.desired);
    const reported = section(properties.reported);
    if (desired === false || reported === false) return fail("Unexpected value for 'properties'.");
    if (desired) target.desired = desired;
    if (reported) target.reported = reported;
    // "If the import file includes twin metadata, then this metadata overwrites the existing twin
    // metadata" (docs/reference/hub-wire-contract.md#import-modes).
    const desiredMetadata = metadataOf(properties.desired);
    const reportedMetadata = metadataOf(properties.reported);
    if (desired && desiredMetadata) target.desiredMetadata = desiredMetadata;
    if (reported && reportedMetadata) target.reportedMetadata = reportedMetadata;
  }
  return { ok: true, value: target };
}

function metadataOf(value: unknown): Record<string, unknown> | undefined {
  return isObject(value) && isObject(value.$metadata) ? value.$metadata : undefined;
}

// `$metadata` and `$version` are optional on import; `$version` is always recomputed.
function section(value: unknown): TwinSection | undefined | false {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) return false;
  const copy: TwinSection = {};
  for (const [key, v] of Object.entries(value))
    if (key !== '$metadata' && key !== '$version') copy[key] = v;
  return copy;
}

function parseAuthentication(raw: unknown): ParseResult<AuthenticationInput | null | undefined> {
  if (raw === undefined) return { ok: true, value: undefined };
  if (raw === null) return { ok: true, value: null };
  if (!isObject(raw)) return fail("Unexpected value for 'authentication'.");
  const value = authenticationKeys(raw);
  const auth: AuthenticationInput = {};
  if (value.type !== undefined && value.type !== null) {
    const type = parseAuthType(value.type);
    if (!type) {
      return fail(
        `Error converting value ${JSON.stringify(value.type)} to type 'AuthenticationType'. Path 'authentication.type'.`,
      );
    }
    auth.type = type;
  }
  const keys = isObject(value.symmetricKey) ? symmetricKeyKeys(value.symmetricKey) : undefined;
  if (keys) {
    auth.primaryKey = stringOrNull(keys.primaryKey);
    auth.secondaryKey = stringOrNull(keys.secondaryKey);
  }
  const thumbs = isObject(value.x509Thumbprint) ? thumbprintKeys(value.x509Thumbprint) : undefined;
  if (thumbs) {
    auth.primaryThumbprint = stringOrNull(thumbs.primaryThumbprint);
    auth.secondaryThumbprint = stringOrNull(thumbs.secondaryThumbprint);
  }
  return { ok: true, value: auth };
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}
