import { parseImportErrorLog } from '../../../../core/import-errors/parse-import-error-log';
import {
  createOutcomeCheck,
  type OutcomeMismatch,
} from '../../../../core/plan/compare-plan-outcome';
import { planAll } from '../../../../core/plan/plan-all';

// After a planned import: did the hub do what the plan said? The plan is made again from the two
// files the operation keeps (the job file the hub ran and the snapshot it was planned against),
// which gives the same outcome for every row that was sent, and is checked against the error log.

export interface PlanCheck {
  rowsChecked: number;
  mismatches: OutcomeMismatch[];
}

export function checkPlanOutcome(jobText: string, backupText: string, errorLog: string): PlanCheck {
  const { rows } = planAll(jobText, backupText, { keepKeys: false, leaveOutUnchanged: false });
  const check = createOutcomeCheck(parseImportErrorLog([errorLog]));
  const mismatches: OutcomeMismatch[] = [];
  for (const row of rows) {
    const mismatch = check.check({ ...row, sent: true });
    if (mismatch) mismatches.push(mismatch);
  }
  mismatches.push(...check.finish());
  return { rowsChecked: rows.length, mismatches };
}
