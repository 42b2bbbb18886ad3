import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlanSummary } from '../../src/core/plan/plan-types';
import { median, pairedRatios } from '../convert/bench-stats';
import { generatePlanFiles } from './generate-plan-files';
import { measureBrowserPlan } from './measure-browser-plan';
import { runDiff, runPlan, type PlanRun, type ReadText } from './plan-passes';

const ROUNDS = 3;
const CHUNK = 1 << 20;

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const now = (): number => performance.now();
const round3 = (n: number): number => Math.round(n * 1000) / 1000;
const mb = (bytes: number): number => Math.round(bytes / 1e6);

function reader(importPath: string, registryPath: string): ReadText {
  return async (file, onChunk) => {
    const path = file === 'import' ? importPath : registryPath;
    for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: CHUNK }))
      onChunk(chunk as string);
  };
}

const same = (a: PlanSummary, b: PlanSummary): boolean => JSON.stringify(a) === JSON.stringify(b);

async function benchSize(count: number, dir: string): Promise<Record<string, unknown>> {
  const importPath = join(dir, `import-${count}.ndjson`);
  const registryPath = join(dir, `registry-${count}.txt`);
  const genStart = now();
  const expected = await generatePlanFiles(importPath, registryPath, count);
  const generateS = (now() - genStart) / 1000;
  const read = reader(importPath, registryPath);
  const rounds: {
    diffS: number;
    planS: number;
    ratio: number;
    plan: PlanRun;
    planHeapMb: number;
  }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let diffS = 0;
    let planS = 0;
    let plan: PlanRun | undefined;
    let planHeapMb = 0;
    const measureDiff = async (): Promise<void> => {
      gc();
      const t = now();
      await runDiff(read);
      diffS = (now() - t) / 1000;
    };
    const measurePlan = async (): Promise<void> => {
      gc();
      const heapBefore = process.memoryUsage().heapUsed;
      const t = now();
      plan = await runPlan(read, now);
      planS = (now() - t) / 1000;
      planHeapMb = mb(process.memoryUsage().heapUsed - heapBefore);
    };
    // Alternate which mode goes first so warm-up and GC debt do not always favour the same one.
    if (round % 2 === 0) {
      await measureDiff();
      await measurePlan();
    } else {
      await measurePlan();
      await measureDiff();
    }
    if (plan === undefined || !same(plan.summary, expected))
      throw new Error(
        `plan summary ${JSON.stringify(plan?.summary)} differs from the generated ${JSON.stringify(expected)}`,
      );
    rounds.push({ diffS, planS, ratio: planS / diffS, plan, planHeapMb });
  }
  const browserWorker = await measureBrowserPlan(importPath, registryPath, ROUNDS, expected);
  const bytes = statSync(importPath).size + statSync(registryPath).size;
  rmSync(importPath);
  rmSync(registryPath);
  const ratios = pairedRatios(
    rounds.map((r) => r.planS),
    rounds.map((r) => r.diffS),
  );
  const seconds = (pick: (r: PlanRun) => number): number =>
    round3(median(rounds.map((r) => pick(r.plan))) / 1000);
  return {
    rows: count,
    devices: count,
    bytesBothFiles: bytes,
    generateS: round3(generateS),
    summary: expected,
    jobLinesSent: count - expected.unchanged,
    diffS: round3(median(rounds.map((r) => r.diffS))),
    planS: round3(median(rounds.map((r) => r.planS))),
    scanS: seconds((p) => p.scanMs),
    indexS: seconds((p) => p.indexMs),
    planPassS: seconds((p) => p.planMs),
    ratioToDiff: round3(median(ratios)),
    ratioRange: [round3(Math.min(...ratios)), round3(Math.max(...ratios))],
    planHeapMb: median(rounds.map((r) => r.planHeapMb)),
    rounds: rounds.map((r) => ({
      diffS: round3(r.diffS),
      planS: round3(r.planS),
      ratio: round3(r.ratio),
    })),
    browserWorker,
  };
}

/**
 * `npm run bench -- plan`: the plan of an import file against a registry export of the same size
 * (94% re-imported as they are, 6% that change something), against the diff of the same two files
 * in the same run, median of 3 paired rounds with alternating order, in Node and then in a
 * Chromium dedicated worker over the same files (with the renderer's peak memory). `--quick` runs
 * 100k only. Run Node with --expose-gc for the heap figure.
 */
export async function runPlanBench(opts: { quick: boolean }): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'plan-bench-'));
  try {
    const sizes = opts.quick ? [100_000] : [100_000, 1_000_000];
    const results: Record<string, unknown> = {};
    for (const size of sizes) results[String(size)] = await benchSize(size, dir);
    return {
      node: process.version,
      gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
      rounds: ROUNDS,
      sizes: results,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
