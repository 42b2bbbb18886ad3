import { deviceKey } from '../registry/device-key';
import {
  createdIdentity,
  SYSTEM_MODULES,
  systemModule,
  twinUpdated,
  updatedIdentity,
} from './apply-identity-changes';
import { changedFields } from './compare-identities';
import type { IdentityState } from './identity-state';
import type { ImportLine } from './import-line-types';
import type { PlanState } from './plan-state';
import type { LineOutcome } from './line-outcome';
import type { PlanRowNote } from './plan-types';
import { resolveScopes } from './resolve-scopes';
import { validateImportLine } from './validate-import-line';
import { alreadyExists, etagMessage, fail, notFound } from './line-failures';

export interface ApplyContext {
  state: PlanState;
  deviceCap: number;
  strictIds: boolean;
  applyReported: boolean;
  /** An unchanged row is not sent, so it does not move the identity's etags either. */
  leaveOutUnchanged: boolean;
}

const ETAG_MODES = new Set(['updateIfMatchETag', 'createOrUpdateIfMatchETag', 'deleteIfMatchETag']);
const TWIN_ETAG_MODES = new Set([
  'createOrUpdate',
  'createOrUpdateIfMatchETag',
  'updateTwinIfMatchETag',
]);

/**
 * One readable line against the registry as the earlier lines left it, following the import-mode
 * table (docs/reference/hub-wire-contract.md#import-modes) and the emulator's documented choices
 * (docs/hub-emulator.md): an `*IfMatchETag` line without eTag is unconditional, twinETag is
 * checked by createOrUpdate, createOrUpdateIfMatchETag and updateTwinIfMatchETag only, a module
 * created on a missing device is 404001, and the device cap counts devices and modules. The state
 * is updated with what the line does; `existing` is the identity the line names, as it is now.
 */
export function applyImportLine(
  line: ImportLine,
  existing: IdentityState | undefined,
  ctx: ApplyContext,
): LineOutcome {
  const { state } = ctx;
  if (line.mode === 'create') {
    // The hub made `$edgeAgent`/`$edgeHub` itself: creating them again is a conflict, not a bad id.
    if (existing !== undefined && line.moduleId?.startsWith('$')) return alreadyExists(line);
    const invalid = validateImportLine(line, true, ctx.strictIds);
    if (invalid !== undefined) return fail('invalid-value', invalid);
    return create(line, existing, ctx);
  }
  const creating =
    existing === undefined &&
    (line.mode === 'createOrUpdate' || line.mode === 'createOrUpdateIfMatchETag');
  const invalid = validateImportLine(line, creating, ctx.strictIds);
  if (invalid !== undefined) return fail('invalid-value', invalid);
  if (existing === undefined) return creating ? create(line, undefined, ctx) : notFound(line);
  if (ETAG_MODES.has(line.mode) && line.eTag !== undefined && line.eTag !== existing.eTag)
    return fail('etag-mismatch', etagMessage(existing.eTag, 'eTag'));
  if (
    TWIN_ETAG_MODES.has(line.mode) &&
    line.twinETag !== undefined &&
    line.twinETag !== existing.twinETag
  )
    return fail('twin-etag-mismatch', etagMessage(existing.twinETag, 'twinETag'));
  if (line.mode === 'delete' || line.mode === 'deleteIfMatchETag') return remove(existing, ctx);
  if (line.mode === 'updateTwin' || line.mode === 'updateTwinIfMatchETag')
    return settle(existing, twinUpdated(existing, line, ctx.applyReported), false, ctx);
  const iotEdge = line.moduleId === undefined && (line.iotEdge ?? existing.iotEdge);
  const scopes = resolveScopes(line, existing, iotEdge, state);
  if (!scopes.ok) return fail('invalid-scope', scopes.message);
  const { state: after, minted } = updatedIdentity(
    existing,
    line,
    iotEdge,
    scopes,
    ctx.applyReported,
  );
  const result = settle(existing, after, minted, ctx);
  if (iotEdge && !existing.iotEdge && result.outcome === 'update')
    addSystemModules(line.id, state, result);
  return result;
}

function create(
  line: ImportLine,
  existing: IdentityState | undefined,
  ctx: ApplyContext,
): LineOutcome {
  const { state } = ctx;
  if (line.moduleId !== undefined && state.get(deviceKey(line.id)) === undefined)
    return fail('device-missing', `device "${line.id}" does not exist`);
  // What the line asks is checked before the hub's capacity, as its other value rules are.
  const iotEdge = line.moduleId === undefined && line.iotEdge === true;
  const scopes = resolveScopes(line, undefined, iotEdge, state);
  if (!scopes.ok) return fail('invalid-scope', scopes.message);
  if (state.identityCount >= ctx.deviceCap) {
    return existing !== undefined
      ? alreadyExists(line)
      : fail('device-cap', `the hub already holds ${ctx.deviceCap} devices and modules`);
  }
  if (existing !== undefined) return alreadyExists(line);
  state.put(createdIdentity(line, scopes, ctx.applyReported), true);
  const result: LineOutcome = { outcome: 'create' };
  if (iotEdge) {
    if (scopes.scopeGenerated) result.notes = ['scope-generated'];
    addSystemModules(line.id, state, result);
  }
  return result;
}

function settle(
  before: IdentityState,
  after: IdentityState,
  minted: boolean,
  ctx: ApplyContext,
): LineOutcome {
  const fields = changedFields(before, after);
  if (fields.length === 0 && !minted) {
    if (!ctx.leaveOutUnchanged && after !== before) ctx.state.put(after, false);
    return { outcome: 'unchanged' };
  }
  ctx.state.put(after, false);
  const result: LineOutcome = { outcome: 'update', fields };
  if (minted) result.keysRotated = true;
  return result;
}

function remove(existing: IdentityState, ctx: ApplyContext): LineOutcome {
  const modules = ctx.state.remove(existing);
  const notes: PlanRowNote[] = [];
  if (modules > 0) notes.push('modules-deleted');
  if (
    existing.iotEdge &&
    existing.deviceScope !== null &&
    ctx.state.childrenOf(existing.deviceScope) > 0
  )
    notes.push('children-keep-scope');
  return notes.length > 0 ? { outcome: 'delete', notes } : { outcome: 'delete' };
}

function addSystemModules(deviceId: string, state: PlanState, result: LineOutcome): void {
  for (const moduleId of SYSTEM_MODULES) {
    if (state.get(deviceKey(deviceId, moduleId)) === undefined)
      state.put(systemModule(deviceId, moduleId), true);
  }
  result.notes = [...(result.notes ?? []), 'system-modules-created'];
}
