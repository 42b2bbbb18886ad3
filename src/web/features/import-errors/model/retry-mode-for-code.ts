import type { ImportMode } from '../../../../core/model/import-mode';

// Which mode a retry of these rows should start with, by the hub code they failed with. Never a
// mode that gives a healthy device new keys: createOrUpdate and update without keys in the line
// make the hub mint new ones (docs/plan-and-undo.md, "the keys rule"). So a device that already
// exists keeps its identity and gets the row's twin (updateTwin), and a missing one is created
// (create, which cannot overwrite anything). An eTag mismatch (412001) means someone changed the
// device meanwhile: it is retried after a fresh export, never forced. Codes not listed (bad
// values, quota, throttling) suggest nothing, and the retry starts with create, which cannot
// overwrite a device (error-actions.tsx). The admin can change the mode; the plan and the
// confirmation then follow its consequences.
const RETRY_MODE_BY_CODE: ReadonlyMap<number, ImportMode> = new Map([
  [409001, 'updateTwin'],
  [409301, 'updateTwin'],
  [404001, 'create'],
  [404010, 'create'],
]);

export function retryModeForCode(code: number | null): ImportMode | null {
  return code === null ? null : (RETRY_MODE_BY_CODE.get(code) ?? null);
}
