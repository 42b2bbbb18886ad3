import type { PlanState } from './plan-state';
import type { PlanNotice, PlanRow, PlanSummary } from './plan-types';

export interface PlanSink {
  /** Rows in file order, a batch at a time. */
  onRows?(rows: PlanRow[]): void;
  /** The job file's NDJSON (LF), a batch at a time: rewritten lines, unchanged ones left out. */
  onJobText?(text: string): void;
}

/** What the import leaves changed, for the undo: the final state and the rows that mint keys. */
export interface PlanChanges {
  state: PlanState;
  /** Identities a row would give new keys if its line were sent as it is. */
  keysAtRisk: ReadonlySet<string>;
}

export interface PlanResult {
  summary: PlanSummary;
  notices: PlanNotice[];
  /** Non-blank lines of the import file. */
  rows: number;
  /** Lines written to the job file. */
  sent: number;
  leftOut: number;
  /** Devices and modules the registry holds once the job ran, as predicted. */
  after: { devices: number; identities: number };
  changes: PlanChanges;
}

export interface Planner {
  push(chunk: string): void;
  finish(): PlanResult;
  /** Running counts per outcome. */
  readonly summary: Readonly<PlanSummary>;
}
