import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { ConvertOptions } from '../../src/core/convert/types';
import { median, pairedRatios } from './bench-stats';
import { bundleBrowserWorkers } from '../bundle-browser-workers';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(import.meta.dirname, '../..');
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface BrowserRun {
  ms: number;
  /** Until the worker's sha256s of source and output arrived (after the result). */
  checksumsMs?: number;
  rows: number;
  outputSha256?: string;
  outputSize?: number;
  rendererPeakMb: number;
}

// Bundles the real worker (src/web/lib/conversion/convert-worker.ts) and the parse-only baseline.
function bundle(dir: string): Promise<void> {
  return bundleBrowserWorkers(
    {
      'convert-worker': join(ROOT, 'src/web/lib/conversion/convert-worker.ts'),
      'parse-worker': join(import.meta.dirname, 'browser/parse-worker.ts'),
      'hash-worker': join(ROOT, 'src/web/lib/conversion/hash-worker.ts'),
    },
    dir,
  );
}

function pidsUnder(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended while we looked
    }
  }
  const isUnder = (pid: number): boolean => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) if (p === root) return true;
    return false;
  };
  return [...parents.keys()].filter(isUnder);
}

/** Peak RSS (VmHWM) of the renderer processes started by this Node process. */
export function rendererPeakMb(): number {
  let peak = 0;
  for (const pid of pidsUnder(process.pid)) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (hwm) peak = Math.max(peak, Number(hwm[1]) / 1024);
    } catch {
      // gone
    }
  }
  return peak;
}

/** One measurement in a fresh Chromium with a fresh profile; the CSV goes in through <input type=file>. */
async function runOnce(pageUrl: string, csv: string, mode: 'parse' | 'convert', options: ConvertOptions): Promise<BrowserRun> {
  const profile = mkdtempSync(join(tmpdir(), 'conv-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS });
  try {
    const page = await context.newPage();
    await page.goto(pageUrl);
    await page.setInputFiles('#file', csv);
    const result = await page.evaluate(
      ([m, o]) => (window as unknown as { runMode(m: string, o: unknown): Promise<Omit<BrowserRun, 'rendererPeakMb'>> }).runMode(m, o),
      [mode, options] as const,
    );
    return { ...result, rendererPeakMb: rendererPeakMb() };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

export async function withBenchPage<T>(use: (pageUrl: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'conv-bench-web-'));
  await bundle(dir);
  const files: Record<string, [string, string]> = {
    '/': [join(import.meta.dirname, 'browser/bench-page.html'), 'text/html'],
    '/convert-worker.js': [join(dir, 'convert-worker.js'), 'text/javascript'],
    '/parse-worker.js': [join(dir, 'parse-worker.js'), 'text/javascript'],
    // The convert worker opens its nested hash worker by the source name, as Vite would rewrite it.
    '/hash-worker.ts': [join(dir, 'hash-worker.js'), 'text/javascript'],
  };
  const server = createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file[1] }).end(readFileSync(file[0]));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  try {
    return await use(`http://127.0.0.1:${port}/`);
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Converts a file in Chromium's dedicated worker once (used for the Node/worker equivalence check). */
export async function convertInChromium(csv: string, options: ConvertOptions): Promise<BrowserRun> {
  return withBenchPage((url) => runOnce(url, csv, 'convert', options));
}

/** The browser half of the benchmark: parse-only vs full conversion in the same worker setup, paired per round. */
export async function measureBrowserConversion(csv: string, rows: number, rounds: number, options: ConvertOptions): Promise<Record<string, unknown>> {
  if (!chromiumAvailable()) return { skipped: `${CHROMIUM} is not installed` };
  return withBenchPage(async (url) => {
    const parse: BrowserRun[] = [];
    const convert: BrowserRun[] = [];
    for (let round = 0; round < rounds; round++) {
      const order: Array<'parse' | 'convert'> = round % 2 === 0 ? ['parse', 'convert'] : ['convert', 'parse'];
      for (const mode of order) {
        const result = await runOnce(url, csv, mode, options);
        if (result.rows !== rows) throw new Error(`browser ${mode} saw ${result.rows} rows, expected ${rows}`);
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
