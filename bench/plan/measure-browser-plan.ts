import { join } from 'node:path';
import type { PlanSummary } from '../../src/core/plan/plan-types';
import { median, pairedRatios } from '../convert/bench-stats';
import {
  chromiumAvailable,
  CHROMIUM,
  inFreshChromium,
  withBenchPage,
  type BenchPage,
} from '../chromium-bench';

type Mode = 'diff' | 'plan';

interface WorkerResult {
  ms: number;
  summary?: PlanSummary;
  scanMs?: number;
  indexMs?: number;
  planMs?: number;
}

interface BrowserRun extends WorkerResult {
  rendererPeakMb: number;
}

const PLAN_BENCH_PAGE: BenchPage = {
  html: join(import.meta.dirname, 'browser/bench-page.html'),
  workers: { 'plan-worker': join(import.meta.dirname, 'browser/plan-worker.ts') },
};

/** One mode in a fresh Chromium and profile, so each renderer's peak memory belongs to one mode. */
function runOnce(
  pageUrl: string,
  importPath: string,
  registryPath: string,
  mode: Mode,
): Promise<BrowserRun> {
  return inFreshChromium(pageUrl, async (page) => {
    await page.setInputFiles('#import', importPath);
    await page.setInputFiles('#registry', registryPath);
    return page.evaluate(
      (m) => (window as unknown as { runMode(m: string): Promise<WorkerResult> }).runMode(m),
      mode,
    );
  });
}

const round3 = (n: number): number => Math.round(n * 1000) / 1000;

/**
 * Browser half of `npm run bench -- plan`: the plan's three passes and the diff of the same two
 * Files in Chromium's dedicated worker, paired rounds with alternating order. Throws when the
 * worker's plan summary differs from the generated one.
 */
export async function measureBrowserPlan(
  importPath: string,
  registryPath: string,
  rounds: number,
  expected: PlanSummary,
): Promise<Record<string, unknown>> {
  if (!chromiumAvailable()) return { skipped: `${CHROMIUM} is not installed` };
  return withBenchPage(PLAN_BENCH_PAGE, async (url) => {
    const diff: BrowserRun[] = [];
    const plan: BrowserRun[] = [];
    for (let round = 0; round < rounds; round++) {
      const order: Mode[] = round % 2 === 0 ? ['diff', 'plan'] : ['plan', 'diff'];
      for (const mode of order) {
        const result = await runOnce(url, importPath, registryPath, mode);
        if (mode === 'plan' && JSON.stringify(result.summary) !== JSON.stringify(expected))
          throw new Error(
            `worker plan summary ${JSON.stringify(result.summary)} differs from ${JSON.stringify(expected)}`,
          );
        (mode === 'plan' ? plan : diff).push(result);
      }
    }
    const ratios = pairedRatios(
      plan.map((r) => r.ms),
      diff.map((r) => r.ms),
    );
    const seconds = (runs: BrowserRun[], pick: (r: BrowserRun) => number): number =>
      round3(median(runs.map(pick)) / 1000);
    return {
      chromium: CHROMIUM,
      rounds,
      summaryMatches: true,
      diffS: seconds(diff, (r) => r.ms),
      planS: seconds(plan, (r) => r.ms),
      scanS: seconds(plan, (r) => r.scanMs ?? Number.NaN),
      indexS: seconds(plan, (r) => r.indexMs ?? Number.NaN),
      planPassS: seconds(plan, (r) => r.planMs ?? Number.NaN),
      ratioToDiff: round3(median(ratios)),
      ratioRange: [round3(Math.min(...ratios)), round3(Math.max(...ratios))],
      rendererPeakMbDiff: Math.round(Math.max(...diff.map((r) => r.rendererPeakMb))),
      rendererPeakMbPlan: Math.round(Math.max(...plan.map((r) => r.rendererPeakMb))),
      perRound: plan.map((r, i) => ({
        diffS: round3((diff[i]?.ms ?? Number.NaN) / 1000),
        planS: round3(r.ms / 1000),
        ratio: round3(ratios[i] ?? Number.NaN),
      })),
    };
  });
}
