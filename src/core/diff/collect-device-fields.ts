import type { ExportImportDevice, TwinCollection } from '../model/export-import-device';
import type { DiffOptions } from './diff-types';

export const KEYS_PATH = 'authentication.keys';

export interface DeviceFields {
  /**
   * Path -> comparable value; absent paths mean "not set". `authentication.keys` holds the raw
   * pair: never output it.
   */
  values: Map<string, unknown>;
  /**
   * False for `"authentication":null`, the keys-excluded export form: nothing about authentication
   * is known.
   */
  authenticationKnown: boolean;
  /** False when no key is present; "keys exported as null" (SW21) may mean excluded, not absent. */
  keysKnown: boolean;
}

/**
 * Flattens the fields the diff compares into dotted paths. Twin collections go down to their
 * leaves; arrays and empty objects are leaf values. Absent, null and empty are the same "not set"
 * (the hub treats an omitted statusReason, deviceScope or tags alike).
 */
export function collectDeviceFields(
  device: ExportImportDevice,
  options: DiffOptions = {},
): DeviceFields {
  const values = new Map<string, unknown>();
  const put = (path: string, value: unknown): void => {
    if (value !== undefined && value !== null) values.set(path, value);
  };
  put('status', typeof device.status === 'string' ? device.status.toLowerCase() : device.status);
  put('statusReason', device.statusReason);
  if (options.includeVersionFields) {
    put('eTag', device.eTag);
    put('twinETag', device.twinETag);
  }
  const auth = device.authentication;
  let keysKnown = false;
  if (auth !== null && auth !== undefined) {
    put('authentication.type', typeof auth.type === 'string' ? auth.type.toLowerCase() : auth.type);
    const primary = auth.symmetricKey?.primaryKey ?? null;
    const secondary = auth.symmetricKey?.secondaryKey ?? null;
    keysKnown = primary !== null || secondary !== null;
    if (keysKnown) values.set(KEYS_PATH, [primary, secondary]);
    put('authentication.x509Thumbprint.primaryThumbprint', auth.x509Thumbprint?.primaryThumbprint);
    put(
      'authentication.x509Thumbprint.secondaryThumbprint',
      auth.x509Thumbprint?.secondaryThumbprint,
    );
  }
  putLeaves(values, 'tags', device.tags);
  putTwin(values, 'properties.desired', device.properties?.desired, options);
  if (options.includeReported)
    putTwin(values, 'properties.reported', device.properties?.reported, options);
  if (device.capabilities?.iotEdge === true) values.set('capabilities.iotEdge', true);
  put('deviceScope', device.deviceScope);
  if (Array.isArray(device.parentScopes) && device.parentScopes.length > 0)
    values.set('parentScopes', device.parentScopes);
  return { values, authenticationKnown: auth !== null && auth !== undefined, keysKnown };
}

function putTwin(
  values: Map<string, unknown>,
  prefix: string,
  twin: TwinCollection | undefined,
  options: DiffOptions,
): void {
  if (twin === undefined || twin === null) return;
  for (const key of Object.keys(twin).sort()) {
    const isVersion = key === '$metadata' || key === '$version';
    if (isVersion && !options.includeVersionFields) continue;
    if (isVersion) values.set(`${prefix}.${key}`, twin[key]);
    else putValue(values, `${prefix}.${key}`, twin[key]);
  }
}

function putLeaves(
  values: Map<string, unknown>,
  prefix: string,
  collection: TwinCollection | undefined,
): void {
  if (collection === undefined || collection === null) return;
  for (const key of Object.keys(collection).sort())
    putValue(values, `${prefix}.${key}`, collection[key]);
}

function putValue(values: Map<string, unknown>, path: string, value: unknown): void {
  if (value === null || value === undefined) return;
  if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
    putLeaves(values, path, value as TwinCollection);
  } else {
    values.set(path, value);
  }
}
