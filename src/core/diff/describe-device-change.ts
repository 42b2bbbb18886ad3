import type { ExportImportDevice } from '../model/export-import-device';
import { KEY_MASK } from '../model/key-mask';
import { collectDeviceFields, KEYS_PATH } from './collect-device-fields';
import { isCompared, sameValue } from './compare-devices';
import type { DiffOptions } from './diff-types';
import { compareFieldPaths } from './field-order';

export interface FieldRow {
  path: string;
  /** undefined when the field is not set on that side. Key values are always `KEY_MASK`. */
  a: unknown;
  b: unknown;
  changed: boolean;
  /** False when this side-by-side cannot tell (authentication or keys missing from one export). */
  compared: boolean;
}

/**
 * Field-by-field rows for one device or module, A on the left; either side may be missing (added or
 * removed).
 */
export function describeDeviceChange(
  aDevice: ExportImportDevice | undefined,
  bDevice: ExportImportDevice | undefined,
  options: DiffOptions = {},
): FieldRow[] {
  const a = aDevice === undefined ? undefined : collectDeviceFields(aDevice, options);
  const b = bDevice === undefined ? undefined : collectDeviceFields(bDevice, options);
  const bothSides = a !== undefined && b !== undefined;
  const authCompared = bothSides && a.authenticationKnown && b.authenticationKnown;
  const keysCompared = authCompared && a.keysKnown && b.keysKnown;
  const paths = new Set<string>([...(a?.values.keys() ?? []), ...(b?.values.keys() ?? [])]);
  return [...paths].sort(compareFieldPaths).map((path) => {
    const va = a?.values.get(path);
    const vb = b?.values.get(path);
    const compared = !bothSides || isCompared(path, authCompared, keysCompared);
    return {
      path,
      a: mask(path, va),
      b: mask(path, vb),
      changed: compared && !sameValue(va, vb),
      compared,
    };
  });
}

// The side-by-side says keys exist and whether they changed, never what they are.
function mask(path: string, value: unknown): unknown {
  return path === KEYS_PATH && value !== undefined ? KEY_MASK : value;
}
