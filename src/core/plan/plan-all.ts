import { createRegistryIndex } from './build-registry-index';
import { createPlanner } from './create-planner';
import type { PlanResult } from './plan-result';
import type { PlanOptions, PlanRow } from './plan-types';
import { createTouchScanner } from './scan-touched-devices';

export interface PlanAllResult {
  rows: PlanRow[];
  /** The job file: what would be sent to the hub. */
  jobText: string;
  result: PlanResult;
}

/**
 * Whole-text convenience over the three passes (scan, index, plan), for tests, small files and
 * previews; large inputs go through the streaming passes chunk by chunk.
 */
export function planAll(
  importText: string,
  registryText: string,
  options: PlanOptions = {},
): PlanAllResult {
  const scanner = createTouchScanner();
  scanner.push(importText);
  const index = createRegistryIndex({ touched: scanner.finish() });
  index.push(registryText);
  const rows: PlanRow[] = [];
  const job: string[] = [];
  const planner = createPlanner(index.finish(), options, {
    onRows: (batch) => rows.push(...batch),
    onJobText: (text) => job.push(text),
  });
  planner.push(importText);
  const result = planner.finish();
  return { rows, jobText: job.join(''), result };
}
