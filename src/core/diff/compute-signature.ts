import type { ExportImportDevice, TwinCollection } from '../model/export-import-device';

/**
 * A string that is equal for two devices only if the default diff (no version fields, no reported
 * properties) would find no changed field. The converse need not hold: key order or absent-vs-empty
 * differences give different signatures, and the diff then falls back to the field-level compare,
 * which decides. It is cheaper than that compare, and most pairs whose lines differ differ only in
 * reported properties or metadata. It includes the keys: compare it, never print it. Without
 * authentication it serves pairs where one side was exported keys-excluded, where the diff does not
 * compare authentication at all.
 */
export function computeSignature(device: ExportImportDevice, withAuthentication = true): string {
  const status = typeof device.status === 'string' ? device.status.toLowerCase() : null;
  return JSON.stringify([
    status,
    device.statusReason ?? null,
    withAuthentication ? (device.authentication ?? null) : null,
    nonEmpty(device.tags),
    withoutVersionFields(device.properties?.desired),
    device.capabilities?.iotEdge === true,
    device.deviceScope ?? null,
    device.parentScopes !== undefined && device.parentScopes.length > 0
      ? device.parentScopes
      : null,
  ]);
}

function nonEmpty(collection: TwinCollection | undefined): TwinCollection | null {
  if (collection === undefined || collection === null) return null;
  for (const key in collection) {
    if (Object.hasOwn(collection, key)) return collection;
  }
  return null;
}

// `$metadata` and `$version` sit only at the top of desired/reported in twin JSON (the metadata
// tree mirrors the properties under `$metadata`), so a shallow copy removes all of them.
function withoutVersionFields(collection: TwinCollection | undefined): TwinCollection | null {
  if (collection === undefined || collection === null) return null;
  let copy: TwinCollection | null = null;
  for (const key in collection) {
    if (!Object.hasOwn(collection, key) || key === '$metadata' || key === '$version') continue;
    copy ??= {};
    copy[key] = collection[key];
  }
  return copy;
}
