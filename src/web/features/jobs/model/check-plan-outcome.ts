import type { CheckDone, PlanClient } from '../../../workers/plan/plan-client';

// After a planned import: did the hub do what the plan said? The plan is made again, in the plan
// worker, from the two files the operation keeps (the job file the hub ran and the snapshot it was
// planned against), which gives the same outcome for every row that was sent, and the worker checks
// it against the error log. The files go in as Blobs: a large import's snapshot is a whole export.

/** A row where plan and hub differ, as the worker reports it. */
export type OutcomeMismatch = CheckDone['mismatches'][number];

export interface PlanCheck {
  rowsChecked: number;
  mismatches: OutcomeMismatch[];
}

export interface PlanCheckFiles {
  job: Blob;
  backup: Blob;
  errors: Blob;
}

export async function checkPlanOutcome(
  client: PlanClient,
  files: PlanCheckFiles,
): Promise<PlanCheck> {
  const planned = await client.plan(files.job, files.backup, {
    keepKeys: false,
    leaveOutUnchanged: false,
  });
  const { mismatches } = await client.check(files.errors);
  return { rowsChecked: planned.rows, mismatches };
}
