import { diffRegistries } from '../../src/core/diff/diff-registries';
import type { DiffSummary } from '../../src/core/diff';
import { createRegistryIndex } from '../../src/core/plan/build-registry-index';
import { createPlanner } from '../../src/core/plan/create-planner';
import type { PlanSummary } from '../../src/core/plan/plan-types';
import { createTouchScanner } from '../../src/core/plan/scan-touched-devices';
import { createSnapshotBuilder } from '../../src/core/registry/build-registry-snapshot';

// The two measured modes, shared by the Node run and the Chromium worker so both do the same work
// over the same text chunks: the plan's three passes, and the diff of the same two files.
export type ReadText = (
  file: 'import' | 'registry',
  onChunk: (text: string) => void,
) => Promise<void>;

export interface PlanRun {
  summary: PlanSummary;
  rows: number;
  jobChars: number;
  scanMs: number;
  indexMs: number;
  planMs: number;
}

export async function runPlan(read: ReadText, now: () => number): Promise<PlanRun> {
  const t0 = now();
  const scanner = createTouchScanner();
  await read('import', (text) => scanner.push(text));
  const t1 = now();
  const index = createRegistryIndex({ touched: scanner.finish() });
  await read('registry', (text) => index.push(text));
  const t2 = now();
  let rows = 0;
  let jobChars = 0;
  const planner = createPlanner(
    index.finish(),
    {},
    {
      onRows: (batch) => void (rows += batch.length),
      onJobText: (text) => void (jobChars += text.length),
    },
  );
  await read('import', (text) => planner.push(text));
  const result = planner.finish();
  return {
    summary: result.summary,
    rows,
    jobChars,
    scanMs: t1 - t0,
    indexMs: t2 - t1,
    planMs: now() - t2,
  };
}

export async function runDiff(read: ReadText): Promise<DiffSummary> {
  const a = createSnapshotBuilder();
  await read('import', (text) => a.push(text));
  const b = createSnapshotBuilder();
  await read('registry', (text) => b.push(text));
  return diffRegistries(a.finish(), b.finish()).summary;
}
