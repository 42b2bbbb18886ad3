import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { bundleBrowserWorkers } from './bundle-browser-workers';

// What the browser benchmarks share: Debian's Chromium with the flags of
// docs/reference/stack-facts.md#browsers-in-benchmarks-and-tests, a bench page and its bundled
// workers served on loopback, and one run per fresh browser and profile so each renderer's peak
// memory belongs to one measurement.

export const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
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
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p))
      if (p === root) return true;
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

export interface BenchPage {
  /** The page's HTML file, served at "/". */
  html: string;
  /** Worker entry points by name, bundled (esbuild, as Vite would) and served at "/<name>.js". */
  workers: Record<string, string>;
  /** Further URLs for a bundled worker, e.g. a nested worker opened by its source name. */
  aliases?: Record<string, string>;
}

/** Serves the bench page and its bundled workers on loopback for as long as `use` runs. */
export async function withBenchPage<T>(
  bench: BenchPage,
  use: (pageUrl: string) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-web-'));
  const server = createServer();
  try {
    await bundleBrowserWorkers(bench.workers, dir);
    const files = new Map<string, [string, string]>([['/', [bench.html, 'text/html']]]);
    for (const name of Object.keys(bench.workers))
      files.set(`/${name}.js`, [join(dir, `${name}.js`), 'text/javascript']);
    for (const [url, name] of Object.entries(bench.aliases ?? {}))
      files.set(url, [join(dir, `${name}.js`), 'text/javascript']);
    server.on('request', (req, res) => {
      const file = files.get(req.url ?? '');
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

/**
 * Opens the page in a fresh Chromium with a fresh profile, runs `measure`, and adds the renderer's
 * peak memory.
 */
export async function inFreshChromium<T extends object>(
  pageUrl: string,
  measure: (page: Page) => Promise<T>,
  // The local stack's authority serves HTTPS signed by its own CA (docs/local-tls.md).
  options: { ignoreHTTPSErrors?: boolean } = {},
): Promise<T & { rendererPeakMb: number }> {
  const profile = mkdtempSync(join(tmpdir(), 'bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    ignoreHTTPSErrors: options.ignoreHTTPSErrors ?? false,
  });
  try {
    const page = await context.newPage();
    await page.goto(pageUrl);
    const result = await measure(page);
    return { ...result, rendererPeakMb: rendererPeakMb() };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
