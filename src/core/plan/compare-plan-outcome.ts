import type { ImportErrorEntry } from '../import-errors/parse-import-error-log';
import { deviceKey } from '../registry/device-key';
import type { PlanOutcome, PlanRow } from './plan-types';

export interface OutcomeMismatch {
  /** The plan row's line; undefined for an error line no row of the plan accounts for. */
  line: number | undefined;
  id: string;
  moduleId?: string;
  planned: PlanOutcome | undefined;
  plannedCode?: number;
  /** The code in importErrors.log; null when the hub wrote no error for the row. */
  actualCode: number | null;
}

export interface OutcomeCheck {
  /** Feed every plan row in file order; returns the mismatch this row shows, if any. */
  check(row: PlanRow): OutcomeMismatch | undefined;
  /** Error lines left over once all rows were seen: failures the plan did not predict. */
  finish(): OutcomeMismatch[];
}

/**
 * After the job: the plan against what the hub wrote. importErrors.log names devices, not lines,
 * but the hub applies the lines of one device in file order and logs their failures in that
 * order, so a device's predicted failures are matched with its error lines one by one. A row left
 * out of the job file is not looked at. Memory holds the error lines, not the rows.
 */
export function createOutcomeCheck(errors: Iterable<ImportErrorEntry>): OutcomeCheck {
  const queues = new Map<string, ImportErrorEntry[]>();
  for (const entry of errors) {
    const key =
      entry.deviceId === null ? '' : deviceKey(entry.deviceId, entry.moduleId ?? undefined);
    const queue = queues.get(key);
    if (queue === undefined) queues.set(key, [entry]);
    else queue.push(entry);
  }
  // The first row of each device that the plan expected to succeed, to blame a surprise failure on.
  const firstSuccess = new Map<string, PlanRow>();

  return {
    check(row) {
      if (!row.sent) return undefined;
      const key = row.id === '' ? '' : deviceKey(row.id, row.moduleId);
      const queue = queues.get(key);
      if (row.outcome !== 'fail') {
        if (queue !== undefined && !firstSuccess.has(key)) firstSuccess.set(key, row);
        return undefined;
      }
      const entry = queue?.shift();
      if (entry !== undefined && entry.errorCode === row.errorCode) return undefined;
      return mismatch(row, row.line, entry?.errorCode ?? null);
    },
    finish() {
      const out: OutcomeMismatch[] = [];
      for (const [key, queue] of queues) {
        for (const entry of queue) {
          const row = firstSuccess.get(key);
          const blamed: OutcomeMismatch = {
            line: row?.line,
            id: entry.deviceId ?? '',
            planned: row?.outcome,
            actualCode: entry.errorCode,
          };
          if (entry.moduleId !== null) blamed.moduleId = entry.moduleId;
          out.push(blamed);
        }
      }
      return out;
    },
  };
}

function mismatch(row: PlanRow, line: number, actualCode: number | null): OutcomeMismatch {
  const out: OutcomeMismatch = { line, id: row.id, planned: row.outcome, actualCode };
  if (row.moduleId !== undefined) out.moduleId = row.moduleId;
  if (row.errorCode !== undefined) out.plannedCode = row.errorCode;
  return out;
}
