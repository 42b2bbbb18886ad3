import { serializePlanLines } from '../../../../core/diff/serialize-plan-line';
import { planAll } from '../../../../core/plan/plan-all';
import type { PlanNotice, PlanRow, PlanSummary } from '../../../../core/plan/plan-types';
import { readLineKey, type LineKey } from '../../../../core/plan/read-line-key';
import { buildUndo } from '../../../../core/undo/build-undo';
import type { UndoSummary } from '../../../../core/undo/undo-types';

// The plan of a small import (docs/plan-and-undo.md) against what the hub holds now for the devices
// the file names, read device by device through the proxy. Core's engine decides every outcome; the
// console only feeds it and keeps what it returns: the rewritten job file (keys kept, unchanged
// rows left out), the snapshot as a backup, and the undo file.

/**
 * Above this, reading devices one call at a time is slower than an export
 * (docs/proxy.md#registry-lookup).
 */
export const LOOKUP_LIMIT = 1000;

export interface RegistryPlan {
  /** When the hub was read: the plan is only as fresh as this. */
  takenAt: string;
  summary: PlanSummary;
  notices: PlanNotice[];
  /** Every row that does something or fails; unchanged rows are only counted. */
  rows: PlanRow[];
  /** The file to send: lines rewritten by the plan, unchanged ones left out. */
  jobText: string;
  sent: number;
  leftOut: number;
  keysKept: number;
  keysRotated: number;
  /** What the hub held for these devices before the import, keys included (admin only). */
  backupText: string;
  undoText: string;
  undo: UndoSummary;
}

/** The device and module keys an import file names, for the registry lookup. */
export function lookupKeysOf(importText: string): LineKey[] {
  const seen = new Set<string>();
  const keys: LineKey[] = [];
  const add = (key: LineKey) => {
    const name = `${key.id}\u0000${key.moduleId ?? ''}`;
    if (seen.has(name)) return;
    seen.add(name);
    keys.push(key);
  };
  for (const line of importText.split('\n')) {
    if (line.trim() === '') continue;
    const key = readLineKey(line);
    if (!key) continue;
    // A module line needs its device too: the plan checks the device exists.
    add({ id: key.id });
    if (key.moduleId) add(key);
  }
  return keys;
}

export function planAgainstRegistry(
  importText: string,
  records: readonly string[],
  takenAt: string,
): RegistryPlan {
  const backupText = records.length > 0 ? `${records.join('\n')}\n` : '';
  const planned = planAll(importText, backupText, { keepKeys: true, leaveOutUnchanged: true });
  const undo = buildUndo(planned.result.changes);
  const rows = planned.rows.filter((row) => row.outcome !== 'unchanged');
  return {
    takenAt,
    summary: planned.result.summary,
    notices: planned.result.notices,
    rows,
    jobText: planned.jobText,
    sent: planned.result.sent,
    leftOut: planned.result.leftOut,
    // Only rows that are sent: an unchanged row left out of the job keeps its keys anyway.
    keysKept: planned.rows.filter((row) => row.keysKept === true && row.sent).length,
    keysRotated: planned.rows.filter((row) => row.keysRotated === true).length,
    backupText,
    undoText: [...serializePlanLines(undo.lines())].join(''),
    undo: undo.summary,
  };
}
