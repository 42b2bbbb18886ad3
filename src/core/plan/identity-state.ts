import type {
  AuthenticationType,
  DeviceStatus,
  TwinCollection,
} from '../model/export-import-device';

// The planner's picture of one device or module identity: what an export line says, normalised so
// that two pictures compare field by field, plus what this import changes that nobody can know
// before the job runs (new etags, keys and scopes the hub mints).
export interface AuthState {
  type: AuthenticationType;
  primaryKey: string | null;
  secondaryKey: string | null;
  primaryThumbprint: string | null;
  secondaryThumbprint: string | null;
}

export interface IdentityState {
  id: string;
  moduleId?: string;
  /** null once an earlier line of the file changed the identity: the new value is unknown. */
  eTag: string | null;
  twinETag: string | null;
  status: DeviceStatus;
  statusReason: string | null;
  /** null when the snapshot was exported without authentication (keys excluded). */
  auth: AuthState | null;
  /** The hub mints this identity's keys during the import. */
  keysMinted: boolean;
  iotEdge: boolean;
  deviceScope: string | null;
  /** The hub mints this edge device's scope during the import. */
  scopeGenerated: boolean;
  parentScopes: string[];
  tags: TwinCollection;
  desired: TwinCollection;
  reported: TwinCollection;
}

const AUTH_TYPES: Record<string, AuthenticationType> = {
  sas: 'sas',
  selfsigned: 'selfSigned',
  certificateauthority: 'certificateAuthority',
  none: 'none',
};

/**
 * The hub parses enum values case-insensitively (docs/reference/hub-wire-contract.md#import-modes).
 */
export function parseAuthType(value: unknown): AuthenticationType | undefined {
  return typeof value === 'string' ? AUTH_TYPES[value.toLowerCase()] : undefined;
}

export function parseStatus(value: unknown): DeviceStatus | undefined {
  if (typeof value !== 'string') return undefined;
  const lower = value.toLowerCase();
  return lower === 'enabled' || lower === 'disabled' ? lower : undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The identity an export line describes; undefined when the line is not a device line. */
export function identityFromExportLine(text: string): IdentityState | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(value) || typeof value.id !== 'string' || value.id === '') return undefined;
  const moduleId =
    typeof value.moduleId === 'string' && value.moduleId !== '' ? value.moduleId : undefined;
  const properties = isObject(value.properties) ? value.properties : {};
  const state: IdentityState = {
    id: value.id,
    eTag: typeof value.eTag === 'string' ? value.eTag : null,
    twinETag: typeof value.twinETag === 'string' ? value.twinETag : null,
    status: parseStatus(value.status) ?? 'enabled',
    statusReason: nonEmpty(value.statusReason),
    auth: authFromJson(value.authentication),
    keysMinted: false,
    iotEdge:
      moduleId === undefined && isObject(value.capabilities) && value.capabilities.iotEdge === true,
    deviceScope: nonEmpty(value.deviceScope),
    scopeGenerated: false,
    parentScopes: stringList(value.parentScopes),
    tags: isObject(value.tags) ? value.tags : {},
    desired: withoutVersionFields(properties.desired),
    reported: withoutVersionFields(properties.reported),
  };
  if (moduleId !== undefined) state.moduleId = moduleId;
  return state;
}

export function authFromJson(value: unknown): AuthState | null {
  if (!isObject(value)) return null;
  const keys = isObject(value.symmetricKey) ? value.symmetricKey : {};
  const thumbs = isObject(value.x509Thumbprint) ? value.x509Thumbprint : {};
  const primaryThumbprint = nonEmpty(thumbs.primaryThumbprint);
  return {
    type: parseAuthType(value.type) ?? (primaryThumbprint !== null ? 'selfSigned' : 'sas'),
    primaryKey: nonEmpty(keys.primaryKey),
    secondaryKey: nonEmpty(keys.secondaryKey),
    primaryThumbprint,
    secondaryThumbprint: nonEmpty(thumbs.secondaryThumbprint),
  };
}

// `$metadata` and `$version` are the hub's own and recomputed on import
// (docs/reference/hub-wire-contract.md#line-fields), so they are not part of what a line sets or
// what a plan compares.
export function withoutVersionFields(value: unknown): TwinCollection {
  if (!isObject(value)) return {};
  if (!('$metadata' in value) && !('$version' in value)) return value;
  const copy: TwinCollection = {};
  for (const [key, v] of Object.entries(value))
    if (key !== '$metadata' && key !== '$version') copy[key] = v;
  return copy;
}

function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((s): s is string => typeof s === 'string' && s !== '')
    : [];
}
