import type { ExportImportDevice } from '../model/export-import-device';
import { collectDeviceFields, KEYS_PATH, type DeviceFields } from './collect-device-fields';
import type { DiffOptions } from './diff-types';
import { compareFieldPaths } from './field-order';

export interface FieldComparison {
  /** Changed paths in display order. */
  changed: string[];
  authenticationCompared: boolean;
  keysCompared: boolean;
}

/**
 * Which paths differ between two devices. Authentication is compared only where both sides exported
 * it.
 */
export function compareDevices(
  a: ExportImportDevice,
  b: ExportImportDevice,
  options: DiffOptions = {},
): FieldComparison {
  return compareFields(collectDeviceFields(a, options), collectDeviceFields(b, options));
}

export function compareFields(a: DeviceFields, b: DeviceFields): FieldComparison {
  const authenticationCompared = a.authenticationKnown && b.authenticationKnown;
  const keysCompared = authenticationCompared && a.keysKnown && b.keysKnown;
  const changed: string[] = [];
  const visit = (path: string): void => {
    if (!isCompared(path, authenticationCompared, keysCompared)) return;
    if (!sameValue(a.values.get(path), b.values.get(path))) changed.push(path);
  };
  for (const path of a.values.keys()) visit(path);
  for (const path of b.values.keys()) if (!a.values.has(path)) visit(path);
  changed.sort(compareFieldPaths);
  return { changed, authenticationCompared, keysCompared };
}

export function isCompared(
  path: string,
  authenticationCompared: boolean,
  keysCompared: boolean,
): boolean {
  if (!path.startsWith('authentication.')) return true;
  return path === KEYS_PATH ? keysCompared : authenticationCompared;
}

export function sameValue(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  return JSON.stringify(x) === JSON.stringify(y);
}
