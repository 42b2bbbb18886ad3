import { join } from 'node:path';
import type { DiffSummary } from '../../src/core/diff';
import { median, pairedRatios } from '../convert/bench-stats';
import {
  chromiumAvailable,
  CHROMIUM,
  inFreshChromium,
  withBenchPage,
  type BenchPage,
} from '../chromium-bench';

type Mode = 'parse' | 'diff';

interface WorkerResult {
  ms: number;
  lines: number;
  parseMs?: number;
  diffMs?: number;
  summary?: DiffSummary;
}

interface BrowserRun extends WorkerResult {
  rendererPeakMb: number;
}

const DIFF_BENCH_PAGE: BenchPage = {
  html: join(import.meta.dirname, 'browser/bench-page.html'),
  workers: { 'diff-worker': join(import.meta.dirname, 'browser/diff-worker.ts') },
};

/** One mode in a fresh Chromium and profile, so each renderer's peak memory belongs to one mode. */
function runOnce(pageUrl: string, pathA: string, pathB: string, mode: Mode): Promise<BrowserRun> {
  return inFreshChromium(pageUrl, async (page) => {
    await page.setInputFiles('#a', pathA);
    await page.setInputFiles('#b', pathB);
    return page.evaluate(
      (m) => (window as unknown as { runMode(m: string): Promise<WorkerResult> }).runMode(m),
      mode,
    );
  });
}

const round3 = (n: number): number => Math.round(n * 1000) / 1000;
const sameSummary = (x: DiffSummary | undefined, y: DiffSummary): boolean =>
  x !== undefined &&
  x.added === y.added &&
  x.removed === y.removed &&
  x.changed === y.changed &&
  x.unchanged === y.unchanged;

/**
 * Browser half of `npm run bench -- diff`: in Chromium's dedicated worker, snapshot building +
 * diffRegistries over the two Files against JSON.parse of every line of both, paired rounds with
 * alternating order. Throws when the worker's summary differs from Node's.
 */
export async function measureBrowserDiff(
  pathA: string,
  pathB: string,
  rounds: number,
  nodeSummary: DiffSummary,
): Promise<Record<string, unknown>> {
  if (!chromiumAvailable()) return { skipped: `${CHROMIUM} is not installed` };
  return withBenchPage(DIFF_BENCH_PAGE, async (url) => {
    const parse: BrowserRun[] = [];
    const diff: BrowserRun[] = [];
    for (let round = 0; round < rounds; round++) {
      const order: Mode[] = round % 2 === 0 ? ['parse', 'diff'] : ['diff', 'parse'];
      for (const mode of order) {
        const result = await runOnce(url, pathA, pathB, mode);
        if (mode === 'diff' && !sameSummary(result.summary, nodeSummary)) {
          throw new Error(
            `worker diff summary ${JSON.stringify(result.summary)} differs from Node's ${JSON.stringify(nodeSummary)}`,
          );
        }
        (mode === 'parse' ? parse : diff).push(result);
      }
    }
    const ratios = pairedRatios(
      diff.map((r) => r.ms),
      parse.map((r) => r.ms),
    );
    const seconds = (runs: BrowserRun[], pick: (r: BrowserRun) => number): number =>
      round3(median(runs.map(pick)) / 1000);
    return {
      chromium: CHROMIUM,
      rounds,
      summary: diff[0]?.summary,
      summaryMatchesNode: true,
      jsonParseEveryLineS: seconds(parse, (r) => r.ms),
      parseAndIndexS: seconds(diff, (r) => r.parseMs ?? Number.NaN),
      diffS: seconds(diff, (r) => r.diffMs ?? Number.NaN),
      parseAndDiffS: seconds(diff, (r) => r.ms),
      ratioToJsonParse: round3(median(ratios)),
      ratioRange: [round3(Math.min(...ratios)), round3(Math.max(...ratios))],
      rendererPeakMbParse: Math.round(Math.max(...parse.map((r) => r.rendererPeakMb))),
      rendererPeakMbDiff: Math.round(Math.max(...diff.map((r) => r.rendererPeakMb))),
      perRound: diff.map((r, i) => ({
        jsonParseS: round3((parse[i]?.ms ?? Number.NaN) / 1000),
        parseAndDiffS: round3(r.ms / 1000),
        ratio: round3(ratios[i] ?? Number.NaN),
      })),
    };
  });
}
