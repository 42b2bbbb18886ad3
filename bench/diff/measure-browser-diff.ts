import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { DiffSummary } from '../../src/core/diff';
import { median, pairedRatios } from '../convert/bench-stats';
import { bundleBrowserWorkers } from '../bundle-browser-workers';
import { rendererPeakMb } from '../convert/measure-browser-conversion';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

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

/** Serves the bench page and the bundled worker (esbuild, as Vite would bundle it) on loopback. */
async function withBenchPage<T>(use: (pageUrl: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'diff-bench-web-'));
  const server = createServer();
  try {
    await bundleBrowserWorkers({ 'diff-worker': join(import.meta.dirname, 'browser/diff-worker.ts') }, dir);
    const files: Record<string, [string, string]> = {
      '/': [join(import.meta.dirname, 'browser/bench-page.html'), 'text/html'],
      '/diff-worker.js': [join(dir, 'diff-worker.js'), 'text/javascript'],
    };
    server.on('request', (req, res) => {
      const file = files[req.url ?? ''];
      if (!file) res.writeHead(404).end();
      else res.writeHead(200, { 'content-type': file[1] }).end(readFileSync(file[0]));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    return await use(`http://127.0.0.1:${port}/`);
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One mode in a fresh Chromium and profile, so each renderer's peak memory belongs to one mode. */
async function runOnce(pageUrl: string, pathA: string, pathB: string, mode: Mode): Promise<BrowserRun> {
  const profile = mkdtempSync(join(tmpdir(), 'diff-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS });
  try {
    const page = await context.newPage();
    await page.goto(pageUrl);
    await page.setInputFiles('#a', pathA);
    await page.setInputFiles('#b', pathB);
    const result = await page.evaluate((m) => (window as unknown as { runMode(m: string): Promise<WorkerResult> }).runMode(m), mode);
    return { ...result, rendererPeakMb: rendererPeakMb() };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const round3 = (n: number): number => Math.round(n * 1000) / 1000;
const sameSummary = (x: DiffSummary | undefined, y: DiffSummary): boolean =>
  x !== undefined && x.added === y.added && x.removed === y.removed && x.changed === y.changed && x.unchanged === y.unchanged;

/**
 * Browser half of `npm run bench -- diff`: in Chromium's dedicated worker, snapshot building +
 * diffRegistries over the two Files against JSON.parse of every line of both, paired rounds with
 * alternating order. Throws when the worker's summary differs from Node's.
 */
export async function measureBrowserDiff(pathA: string, pathB: string, rounds: number, nodeSummary: DiffSummary): Promise<Record<string, unknown>> {
  if (!existsSync(CHROMIUM)) return { skipped: `${CHROMIUM} is not installed` };
  return withBenchPage(async (url) => {
    const parse: BrowserRun[] = [];
    const diff: BrowserRun[] = [];
    for (let round = 0; round < rounds; round++) {
      const order: Mode[] = round % 2 === 0 ? ['parse', 'diff'] : ['diff', 'parse'];
      for (const mode of order) {
        const result = await runOnce(url, pathA, pathB, mode);
        if (mode === 'diff' && !sameSummary(result.summary, nodeSummary)) {
          throw new Error(`worker diff summary ${JSON.stringify(result.summary)} differs from Node's ${JSON.stringify(nodeSummary)}`);
        }
        (mode === 'parse' ? parse : diff).push(result);
      }
    }
    const ratios = pairedRatios(diff.map((r) => r.ms), parse.map((r) => r.ms));
    const seconds = (runs: BrowserRun[], pick: (r: BrowserRun) => number): number => round3(median(runs.map(pick)) / 1000);
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
