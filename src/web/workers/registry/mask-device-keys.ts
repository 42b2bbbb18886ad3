import type { ExportImportDevice } from '../../../core/model/export-import-device';
import { KEY_MASK } from '../../../core/model/key-mask';

export type KeySlot = 'primaryKey' | 'secondaryKey';

/**
 * The symmetric key values a device carries (admins' exports only; support's come masked by the
 * proxy).
 */
export function readDeviceKeys(device: ExportImportDevice): Partial<Record<KeySlot, string>> {
  const keys = device.authentication?.symmetricKey;
  const out: Partial<Record<KeySlot, string>> = {};
  if (typeof keys?.primaryKey === 'string' && keys.primaryKey !== '')
    out.primaryKey = keys.primaryKey;
  if (typeof keys?.secondaryKey === 'string' && keys.secondaryKey !== '')
    out.secondaryKey = keys.secondaryKey;
  return out;
}

/** A copy whose symmetric keys are replaced by the mask; a key that is absent stays absent. */
export function maskDeviceKeys(device: ExportImportDevice): ExportImportDevice {
  const auth = device.authentication;
  const keys = auth?.symmetricKey;
  if (auth === null || auth === undefined || keys === null || keys === undefined) return device;
  const mask = (value: string | null): string | null =>
    value === null || value === '' ? value : KEY_MASK;
  return {
    ...device,
    authentication: {
      ...auth,
      symmetricKey: { primaryKey: mask(keys.primaryKey), secondaryKey: mask(keys.secondaryKey) },
    },
  };
}
