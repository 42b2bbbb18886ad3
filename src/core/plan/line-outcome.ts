import type { PlanFailReason, PlanOutcome, PlanRowNote } from './plan-types';

/** What one line does, before it becomes a row. */
export interface LineOutcome {
  outcome: PlanOutcome;
  reason?: PlanFailReason;
  message?: string;
  fields?: string[];
  keysRotated?: boolean;
  notes?: PlanRowNote[];
}
