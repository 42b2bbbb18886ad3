import { deviceKey } from '../registry/device-key';
import { applyImportLine, type ApplyContext } from './apply-import-line';
import { decideKeys, mintsKeys, withAuthentication } from './keep-registry-keys';
import type { ImportLine, ParsedImportLine } from './import-line-types';
import { PLAN_FAILURES, type PlanRow, type PlanRowNote } from './plan-types';

export interface LineContext extends ApplyContext {
  keepKeys: boolean;
  rotateKeysOf: ReadonlySet<string>;
  /** Filled with the identities whose line, sent as it is, would mint new keys. */
  keysAtRisk: Set<string>;
}

export interface LinePlan {
  row: Omit<PlanRow, 'line'>;
  /** The line to send instead of the file's, when the keys rule rewrote it. */
  rewritten?: Record<string, unknown>;
}

const IDENTITY_MODES = new Set([
  'update',
  'updateIfMatchETag',
  'createOrUpdate',
  'createOrUpdateIfMatchETag',
]);

/** One readable line: the keys rule first, then the hub's semantics, then the row to show. */
export function planLine(line: ImportLine, ctx: LineContext): LinePlan {
  const key = deviceKey(line.id, line.moduleId);
  const existing = ctx.state.get(key);
  const keys = decideKeys(line, existing, ctx.keepKeys, ctx.rotateKeysOf.has(key));
  const sentLine = keys.kind === 'kept' ? withAuthentication(line, keys.auth) : line;
  const result = applyImportLine(sentLine, existing, ctx);
  const row: Omit<PlanRow, 'line'> = { id: line.id, outcome: result.outcome, sent: true };
  if (line.moduleId !== undefined) row.moduleId = line.moduleId;
  row.mode = line.mode;
  if (result.reason !== undefined) {
    row.errorCode = PLAN_FAILURES[result.reason];
    row.reason = result.reason;
  }
  if (result.message !== undefined) row.message = result.message;
  if (result.fields !== undefined && result.fields.length > 0) row.fields = result.fields;
  if (result.keysRotated) row.keysRotated = true;
  const notes: PlanRowNote[] = [...(result.notes ?? [])];
  const failed = result.outcome === 'fail';
  if (!failed && keys.kind === 'kept') row.keysKept = true;
  if (!failed && keys.kind === 'rotated' && keys.why === 'unknown') notes.push('keys-unknown');
  if (!failed && existing?.auth === null && IDENTITY_MODES.has(line.mode))
    notes.push('authentication-not-compared');
  if (notes.length > 0) row.notes = notes;
  if (!failed && existing !== undefined && IDENTITY_MODES.has(line.mode) && mintsKeys(line))
    ctx.keysAtRisk.add(key);
  row.sent = !(result.outcome === 'unchanged' && ctx.leaveOutUnchanged);
  const plan: LinePlan = { row };
  if (!failed && keys.kind === 'kept') plan.rewritten = sentLine.json;
  return plan;
}

/** The row of a line the hub cannot read: 400012, naming the device when the line does. */
export function unreadableLinePlan(entry: ParsedImportLine | undefined): LinePlan {
  const failed =
    entry !== undefined && !entry.ok ? entry : { id: '', message: 'the line cannot be read' };
  const row: Omit<PlanRow, 'line'> = {
    id: failed.id,
    outcome: 'fail',
    errorCode: PLAN_FAILURES.unparseable,
    reason: 'unparseable',
    message: failed.message,
    sent: true,
  };
  if ('moduleId' in failed && failed.moduleId !== undefined) row.moduleId = failed.moduleId;
  return { row };
}
