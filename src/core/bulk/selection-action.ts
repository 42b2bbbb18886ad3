import type { ExportImportDevice } from '../model/export-import-device';
import type { RegistryEntry } from '../registry/registry-types';

// "Select, then act" (docs/bulk-flows.md, "Act on a selection"): the import line that applies one
// action to one device of an export with keys. Every line names the device's eTag with an
// IfMatchETag mode, so a device changed since the export is refused (412) instead of overwritten
// with stale values; and every identity line carries the device's own authentication and scopes,
// so nothing the admin did not ask to change changes (an update without keys mints new ones).

export type SelectionAction = 'disable' | 'enable' | 'delete' | 'swap-keys';

export const SELECTION_ACTIONS: readonly SelectionAction[] = [
  'disable',
  'enable',
  'delete',
  'swap-keys',
];

export type ActionLine = { line: string } | { skipped: string };

const identityOf = (device: ExportImportDevice) => ({
  ...(device.capabilities ? { capabilities: device.capabilities } : {}),
  ...(device.deviceScope ? { deviceScope: device.deviceScope } : {}),
  ...(device.parentScopes && device.parentScopes.length > 0
    ? { parentScopes: device.parentScopes }
    : {}),
});

function swapped(device: ExportImportDevice): ExportImportDevice['authentication'] | string {
  const auth = device.authentication;
  if (!auth || auth.type !== 'sas') return 'it does not use SAS keys';
  const keys = auth.symmetricKey;
  if (!keys?.primaryKey || !keys.secondaryKey)
    return 'the export has no keys for it (export with keys first)';
  return {
    symmetricKey: { primaryKey: keys.secondaryKey, secondaryKey: keys.primaryKey },
    type: 'sas',
  };
}

/** The import line for `action` on one export entry, or why the entry is left out. */
export function selectionActionLine(action: SelectionAction, entry: RegistryEntry): ActionLine {
  const { device } = entry;
  const head = {
    id: device.id,
    ...(entry.moduleId !== undefined ? { moduleId: entry.moduleId } : {}),
    ...(device.eTag ? { eTag: device.eTag } : {}),
  };
  const ifMatch = device.eTag !== undefined && device.eTag !== '';
  if (action === 'delete') {
    // Deleting a device deletes its modules: a module line would fail once its device is gone.
    if (entry.moduleId !== undefined) return { skipped: 'deleted with its device' };
    return {
      line: JSON.stringify({
        ...head,
        importMode: ifMatch ? 'deleteIfMatchETag' : 'delete',
        status: device.status ?? 'enabled',
      }),
    };
  }
  if (action === 'swap-keys') {
    const authentication = swapped(device);
    if (typeof authentication === 'string') return { skipped: authentication };
    return {
      line: JSON.stringify({
        ...head,
        importMode: ifMatch ? 'updateIfMatchETag' : 'update',
        status: device.status ?? 'enabled',
        authentication,
        ...identityOf(device),
      }),
    };
  }
  if (entry.moduleId !== undefined) return { skipped: 'a module has no status of its own' };
  const status = action === 'disable' ? 'disabled' : 'enabled';
  if (device.status === status) return { skipped: `already ${status}` };
  if (device.authentication?.type === 'sas' && !device.authentication.symmetricKey?.primaryKey)
    return { skipped: 'the export has no keys for it: an update would mint new ones' };
  return {
    line: JSON.stringify({
      ...head,
      importMode: ifMatch ? 'updateIfMatchETag' : 'update',
      status,
      ...(device.authentication ? { authentication: device.authentication } : {}),
      ...identityOf(device),
    }),
  };
}
