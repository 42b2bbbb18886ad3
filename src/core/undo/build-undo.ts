import type { ExportImportDevice } from '../model/export-import-device';
import type { PlanChanges } from '../plan/plan-result';
import type { IdentityState } from '../plan/identity-state';
import type { PlanState } from '../plan/plan-state';
import { classifyUndoChanges, type UndoChange } from './classify-undo-changes';
import { undoNotices } from './undo-notices';
import { orderParentsFirst } from './order-by-parents';
import { deleteLine, identityLine, twinLine, type ScopeChoice } from './undo-lines';
import type { UndoNoticeCode, UndoPlan } from './undo-types';

/**
 * The import that puts the registry back as the snapshot had it, from the plan's picture of what
 * the import leaves: it deletes what the import creates (leaf devices before edge devices, modules
 * of a created device go with it), creates again what it deletes with their keys, status, scopes
 * and twins (parents before children, each device before its modules), and writes back identity
 * and twin of what it changes. Restore runs it as an import with a plan of its own, so each line
 * is one the hub accepts against the registry the import leaves.
 */
export function buildUndo(changes: PlanChanges): UndoPlan {
  const { state } = changes;
  const all = classifyUndoChanges(changes);
  const created = new Set(
    all.filter((c) => c.before === undefined && isDevice(c)).map((c) => c.key),
  );
  const counts: Partial<Record<UndoNoticeCode, number>> = {};
  const note = (code: UndoNoticeCode): void => void (counts[code] = (counts[code] ?? 0) + 1);

  const deletes: UndoChange[] = [];
  const recreates: UndoChange[] = [];
  const restores: UndoChange[] = [];
  for (const change of all) {
    const identity = change.before ?? change.after;
    if (identity === undefined) continue;
    if (change.before !== undefined) {
      (change.after === undefined ? recreates : restores).push(change);
      continue;
    }
    if (identity.moduleId === undefined) deletes.push(change);
    else if (created.has(identity.id)) continue;
    // `$edgeAgent`/`$edgeHub` belong to the hub, which made them when the device became an edge
    // device; deleting them is not the hub's to accept.
    else if (identity.moduleId.startsWith('$')) note('system-modules-kept');
    else deletes.push(change);
  }
  const orderedDeletes = orderParentsFirst(deletes, (c) => c.after).reverse();
  const orderedRecreates = orderParentsFirst(recreates, (c) => c.before);
  const orderedRestores = orderParentsFirst(restores, (c) => c.before);

  for (const change of orderedRecreates) recreateLine(change, state, note);
  for (const change of orderedRestores) restoreLine(change, state, note);

  return {
    summary: {
      delete: orderedDeletes.length,
      recreate: orderedRecreates.length,
      restore: orderedRestores.length,
    },
    notices: undoNotices(counts),
    *lines(): Generator<ExportImportDevice> {
      const quiet = (): void => undefined;
      for (const change of orderedDeletes)
        if (change.after !== undefined) yield deleteLine(change.after);
      for (const change of orderedRecreates) yield recreateLine(change, state, quiet);
      for (const change of orderedRestores) yield restoreLine(change, state, quiet);
    },
  };
}

function recreateLine(
  change: UndoChange,
  state: PlanState,
  note: (code: UndoNoticeCode) => void,
): ExportImportDevice {
  const before = change.before as IdentityState;
  if (before.auth === null) note('keys-not-restorable');
  // The hub creates the edge runtime's modules with the edge device: only their identity and twin
  // are written back.
  if (before.moduleId?.startsWith('$')) {
    note('system-modules-restored');
    return identityLine(before, 'createOrUpdate', {}, true);
  }
  return identityLine(before, 'create', scopeFor(before, undefined, state, note), true);
}

function restoreLine(
  change: UndoChange,
  state: PlanState,
  note: (code: UndoNoticeCode) => void,
): ExportImportDevice {
  const before = change.before as IdentityState;
  const after = change.after as IdentityState;
  const withReported = !sameReported(before, after);
  if (!change.identityChanged) return twinLine(before, withReported);
  if (before.auth === null && after.keysMinted) note('keys-not-restorable');
  return identityLine(before, 'createOrUpdate', scopeFor(before, after, state, note), withReported);
}

/**
 * Scopes to write back. An edge device's own scope is minted by the hub and cannot be set, so a
 * re-created edge device gets a new one. A parent scope is written only while an edge device still
 * holds it; otherwise the device comes back without its parent, and the notices say how many.
 */
function scopeFor(
  before: IdentityState,
  after: IdentityState | undefined,
  state: PlanState,
  note: (code: UndoNoticeCode) => void,
): ScopeChoice {
  if (before.moduleId !== undefined) return {};
  if (before.iotEdge) {
    if (after === undefined) note('scope-regenerated');
    const parents = before.parentScopes.filter((s) => state.scopeOwner(s) !== undefined);
    if (parents.length < before.parentScopes.length) note('parent-link-lost');
    return { parentScopes: parents };
  }
  const scope = before.deviceScope;
  // null is written only to take a leaf out of a parent the import gave it.
  if (scope === null) return after?.deviceScope != null ? { deviceScope: null } : {};
  if (state.scopeOwner(scope) !== undefined) return { deviceScope: scope };
  note('parent-link-lost');
  // A scope the line leaves as it is, is not checked again; any other must be held by a device.
  return { deviceScope: scope === after?.deviceScope ? scope : null };
}

function sameReported(a: IdentityState, b: IdentityState): boolean {
  return JSON.stringify(a.reported) === JSON.stringify(b.reported);
}

function isDevice(change: UndoChange): boolean {
  return (change.before ?? change.after)?.moduleId === undefined;
}
