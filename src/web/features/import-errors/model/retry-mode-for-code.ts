import type { ImportMode } from '../../../../core/model/import-mode';

// Which mode a retry of these rows should start with, by the hub code they failed with: a device
// that already exists is updated instead of created, a missing one is created. Codes not listed
// (bad values, quota, throttling) are retried with the mode they had. The admin can change it.
const RETRY_MODE_BY_CODE: ReadonlyMap<number, ImportMode> = new Map([
  [409001, 'createOrUpdate'],
  [409301, 'createOrUpdate'],
  [404001, 'createOrUpdate'],
  [404010, 'createOrUpdate'],
  [412001, 'createOrUpdate'],
]);

export function retryModeForCode(code: number | null): ImportMode | null {
  return code === null ? null : (RETRY_MODE_BY_CODE.get(code) ?? null);
}
