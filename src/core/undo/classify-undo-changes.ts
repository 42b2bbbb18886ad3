import type { PlanChanges } from '../plan/plan-result';
import { sameJson } from '../plan/compare-identities';
import type { IdentityState } from '../plan/identity-state';
import { compareDeviceKeys } from '../registry/device-key';

export interface UndoChange {
  key: string;
  /** As the snapshot has it; undefined for what the import creates. */
  before: IdentityState | undefined;
  /** As the import leaves it; undefined for what the import deletes. */
  after: IdentityState | undefined;
  identityChanged: boolean;
  twinChanged: boolean;
}

/**
 * Every identity the import leaves different from the snapshot, version fields aside, plus those a
 * row would give new keys if its line went to the hub as it is: the undo writes their keys back
 * whether or not the job file kept them. Sorted by key, so a device comes right before its modules.
 */
export function classifyUndoChanges(changes: PlanChanges): UndoChange[] {
  const { state, keysAtRisk } = changes;
  const keys = new Set<string>([...state.changedKeys, ...keysAtRisk]);
  const out: UndoChange[] = [];
  for (const key of [...keys].sort(compareDeviceKeys)) {
    const before = state.original(key);
    const after = state.get(key);
    if (before === undefined && after === undefined) continue;
    if (before === undefined || after === undefined) {
      out.push({ key, before, after, identityChanged: true, twinChanged: true });
      continue;
    }
    const identityChanged = keysAtRisk.has(key) || identityDiffers(before, after);
    const twinChanged = twinDiffers(before, after);
    if (identityChanged || twinChanged)
      out.push({ key, before, after, identityChanged, twinChanged });
  }
  return out;
}

function identityDiffers(a: IdentityState, b: IdentityState): boolean {
  return (
    a.status !== b.status ||
    a.statusReason !== b.statusReason ||
    b.keysMinted ||
    !sameJson(a.auth, b.auth) ||
    a.iotEdge !== b.iotEdge ||
    a.deviceScope !== b.deviceScope ||
    b.scopeGenerated !== a.scopeGenerated ||
    !sameJson(a.parentScopes, b.parentScopes)
  );
}

function twinDiffers(a: IdentityState, b: IdentityState): boolean {
  return (
    !sameJson(a.tags, b.tags) ||
    !sameJson(a.desired, b.desired) ||
    !sameJson(a.reported, b.reported)
  );
}
