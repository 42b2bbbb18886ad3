import { join } from 'node:path';
import type { ConvertOptions } from '../../src/core/convert/types';
import { median, pairedRatios } from './bench-stats';
import {
  chromiumAvailable,
  CHROMIUM,
  inFreshChromium,
  withBenchPage,
  type BenchPage,
} from '../chromium-bench';

const ROOT = join(import.meta.dirname, '../..');

export interface BrowserRun {
  ms: number;
  /** Until the worker's sha256s of source and output arrived (after the result). */
  checksumsMs?: number;
  rows: number;
  outputSha256?: string;
  outputSize?: number;
  rendererPeakMb: number;
}

// The real conversion worker (src/web/workers/conversion/convert-worker.ts) and the parse-only
// baseline.
export const CONVERSION_BENCH_PAGE: BenchPage = {
  html: join(import.meta.dirname, 'browser/bench-page.html'),
  workers: {
    'convert-worker': join(ROOT, 'src/web/workers/conversion/convert-worker.ts'),
    'parse-worker': join(import.meta.dirname, 'browser/parse-worker.ts'),
    'hash-worker': join(ROOT, 'src/web/workers/conversion/hash-worker.ts'),
  },
  // The convert worker opens its nested hash worker by the source name, as Vite would rewrite it.
  aliases: { '/hash-worker.ts': 'hash-worker' },
};

/**
 * One measurement in a fresh Chromium with a fresh profile; the CSV goes in through <input
 * type=file>.
 */
function runOnce(
  pageUrl: string,
  csv: string,
  mode: 'parse' | 'convert',
  options: ConvertOptions,
): Promise<BrowserRun> {
  return inFreshChromium(pageUrl, async (page) => {
    await page.setInputFiles('#file', csv);
    return page.evaluate(
      ([m, o]) =>
        (
          window as unknown as {
            runMode(m: string, o: unknown): Promise<Omit<BrowserRun, 'rendererPeakMb'>>;
          }
        ).runMode(m, o),
      [mode, options] as const,
    );
  });
}

/**
 * The browser half of the benchmark: parse-only vs full conversion in the same worker setup, paired
 * per round.
 */
export async function measureBrowserConversion(
  csv: string,
  rows: number,
  rounds: number,
  options: ConvertOptions,
): Promise<Record<string, unknown>> {
  if (!chromiumAvailable()) return { skipped: `${CHROMIUM} is not installed` };
  return withBenchPage(CONVERSION_BENCH_PAGE, async (url) => {
    const parse: BrowserRun[] = [];
    const convert: BrowserRun[] = [];
    for (let round = 0; round < rounds; round++) {
      const order: Array<'parse' | 'convert'> =
        round % 2 === 0 ? ['parse', 'convert'] : ['convert', 'parse'];
      for (const mode of order) {
        const result = await runOnce(url, csv, mode, options);
        if (result.rows !== rows)
          throw new Error(`browser ${mode} saw ${result.rows} rows, expected ${rows}`);
        (mode === 'parse' ? parse : convert).push(result);
      }
    }
    const parseMs = parse.map((r) => r.ms);
    const convertMs = convert.map((r) => r.ms);
    const ratios = pairedRatios(convertMs, parseMs);
    return {
      rows,
      rounds,
      parseSeconds: median(parseMs) / 1000,
      convertSeconds: median(convertMs) / 1000,
      checksumsReadySeconds: median(convert.map((r) => r.checksumsMs ?? Number.NaN)) / 1000,
      convertRowsPerSecond: Math.round(rows / (median(convertMs) / 1000)),
      ratioFullOverParse: median(ratios),
      ratioRange: [Math.min(...ratios), Math.max(...ratios)],
      rendererPeakMbParse: Math.max(...parse.map((r) => r.rendererPeakMb)),
      rendererPeakMbConvert: Math.max(...convert.map((r) => r.rendererPeakMb)),
      outputSha256: convert[0]?.outputSha256,
      outputSize: convert[0]?.outputSize,
    };
  });
}
