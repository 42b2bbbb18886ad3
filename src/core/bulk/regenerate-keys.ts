import { encodeBase64 } from '../convert/base64';
import type { ExportImportDevice } from '../model/export-import-device';
import type { RegistryEntry } from '../registry/registry-types';

// "Regenerate keys" for a selection (docs/bulk-flows.md, "Regenerate keys"): the import line that
// gives one device new SAS keys made here, and the keys themselves for the one download the admin
// is offered. The randomness comes in as a parameter (core reads none of its own); the keys are
// 32 random bytes in base64, the size the hub itself makes. Like every selection action the line
// names the export's eTag with updateIfMatchETag, so a device changed since the export is refused
// (412) instead of overwritten, and it carries the device's status, capabilities and scopes, so
// only the keys change.

export type KeyRegeneration = 'regenerate-primary' | 'regenerate-secondary' | 'regenerate-both';

export const KEY_REGENERATIONS: readonly KeyRegeneration[] = [
  'regenerate-primary',
  'regenerate-secondary',
  'regenerate-both',
];

const KEY_BYTES = 32;

export interface DeviceKeys {
  primaryKey: string;
  secondaryKey: string;
}

export type RegeneratedLine = { line: string; keys: DeviceKeys } | { skipped: string };

export const MODULE_KEYS_KEPT = "a module's keys are its own: not regenerated with its device";

export function isKeyRegeneration(action: string): action is KeyRegeneration {
  return (KEY_REGENERATIONS as readonly string[]).includes(action);
}

export function newDeviceKey(randomBytes: (length: number) => Uint8Array): string {
  return encodeBase64(randomBytes(KEY_BYTES));
}

function keysOf(device: ExportImportDevice): DeviceKeys | string {
  const auth = device.authentication;
  if (!auth || auth.type !== 'sas') return 'it does not use SAS keys';
  const keys = auth.symmetricKey;
  // The key not regenerated must be sent as it is: an update without it would mint a new one.
  if (!keys?.primaryKey || !keys.secondaryKey)
    return 'the export has no keys for it (export with keys first)';
  return { primaryKey: keys.primaryKey, secondaryKey: keys.secondaryKey };
}

/** The import line giving `entry` new keys, with those keys, or why the entry is left out. */
export function regenerateKeysLine(
  which: KeyRegeneration,
  entry: RegistryEntry,
  randomBytes: (length: number) => Uint8Array,
): RegeneratedLine {
  const { device } = entry;
  if (entry.moduleId !== undefined) return { skipped: MODULE_KEYS_KEPT };
  const old = keysOf(device);
  if (typeof old === 'string') return { skipped: old };
  const keys: DeviceKeys = {
    primaryKey: which === 'regenerate-secondary' ? old.primaryKey : newDeviceKey(randomBytes),
    secondaryKey: which === 'regenerate-primary' ? old.secondaryKey : newDeviceKey(randomBytes),
  };
  const ifMatch = device.eTag !== undefined && device.eTag !== '';
  const line = JSON.stringify({
    id: device.id,
    ...(ifMatch ? { eTag: device.eTag } : {}),
    importMode: ifMatch ? 'updateIfMatchETag' : 'update',
    status: device.status ?? 'enabled',
    ...(device.statusReason ? { statusReason: device.statusReason } : {}),
    authentication: { symmetricKey: keys, type: 'sas' },
    ...(device.capabilities ? { capabilities: device.capabilities } : {}),
    ...(device.deviceScope ? { deviceScope: device.deviceScope } : {}),
    ...(device.parentScopes && device.parentScopes.length > 0
      ? { parentScopes: device.parentScopes }
      : {}),
  });
  return { line, keys };
}
