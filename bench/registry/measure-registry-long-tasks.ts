import { execFileSync } from 'node:child_process';
import { createReadStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, chromiumAvailable } from '../chromium-bench';
import { bundleRegistryPage } from './bundle-registry-page';
import { generateRegistryExport } from './generate-registry-export';

// Main-thread long tasks of the registry browser at scale: the real registry page (React, MUI, the
// worker) in Chromium against a generated devices.txt, measured with PerformanceObserver 'longtask'
// while the file loads, while a search is typed and while a tag filter is applied. `--before
// <git-ref>` measures that commit's page too (its src/ exported with `git archive`). `npm run bench
// -- registry` runs it at 1M devices (100k with --quick) into bench/results/latest.json.
//
// npx tsx bench/registry/measure-registry-long-tasks.ts [--devices 1000000] [--rounds 3] [--before
// HEAD]

const ROOT = join(import.meta.dirname, '../..');
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const HTML =
  '<!doctype html><html><head><meta charset="utf-8"><title>registry bench</title></head><body><div id="root"></div><script type="module" src="/page.js"></script></body></html>';

interface LongTask {
  start: number;
  duration: number;
}

function arg(name: string, fallback: string | undefined): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

function serve(dir: string, devicesPath: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/api/jobs/bench/files/devices') {
      res.writeHead(200, {
        'content-type': 'text/plain',
        'content-length': statSync(devicesPath).size,
      });
      createReadStream(devicesPath).pipe(res);
    } else if (url === '/page.js' || url === '/registry-worker.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(dir, url)));
    } else {
      res.writeHead(200, { 'content-type': 'text/html' }).end(HTML);
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`,
        server,
      });
    }),
  );
}

const longTasks = (page: Page): Promise<LongTask[]> =>
  page.evaluate(() => (window as unknown as { longTasks: LongTask[] }).longTasks);
const now = (page: Page): Promise<number> => page.evaluate(() => performance.now());

function summarize(tasks: LongTask[], from: number, to: number) {
  const inside = tasks.filter((t) => t.start >= from && t.start < to);
  const durations = inside.map((t) => Math.round(t.duration));
  return {
    maxLongTaskMs: durations.length ? Math.max(...durations) : 0,
    longTasks: durations.length,
    longTaskTotalMs: durations.reduce((a, b) => a + b, 0),
    over200Ms: durations.filter((d) => d > 200).length,
  };
}

async function measure(label: string, bundleDir: string, devicesPath: string) {
  const { url, server } = await serve(bundleDir, devicesPath);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.addInitScript(() => {
      const store: LongTask[] = [];
      (window as unknown as { longTasks: LongTask[] }).longTasks = store;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          store.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(url);
    const table = page.getByRole('table', { name: 'Devices' });
    await table.getByText('dev-0000000', { exact: true }).first().waitFor({ timeout: 120_000 });
    const firstRowMs = Math.round(await now(page));
    await page
      .getByRole('button', { name: 'Download CSV' })
      .and(page.locator(':enabled'))
      .waitFor({ timeout: 900_000 });
    const loadedMs = Math.round(await now(page));
    const subtitle = await page.getByText(/devices and modules/).innerText();
    // Until the first row shows, long tasks are mostly the page's own start-up (script, React,
    // MUI).
    const startup = summarize(await longTasks(page), 0, firstRowMs);
    const load = summarize(await longTasks(page), firstRowMs, loadedMs);
    await page.waitForTimeout(1000);

    const searchFrom = await now(page);
    await page.getByLabel('Search device id').click();
    await page.keyboard.type('dev-00012', { delay: 120 });
    const typedAt = await now(page);
    // dev-0001200 .. dev-0001299, and the modules of dev-0001200 and dev-0001250.
    await page.getByText(/^102 of [\d,. ]+ records match$/).waitFor({ timeout: 60_000 });
    await table.getByText('dev-0001200', { exact: true }).first().waitFor({ timeout: 60_000 });
    const searchSettledMs = Math.round((await now(page)) - typedAt);
    await page.waitForTimeout(1000);
    const search = summarize(await longTasks(page), searchFrom, await now(page));

    const tagFrom = await now(page);
    await page.getByLabel('Search device id').fill('');
    await page.getByLabel('Tag value').fill('site=plant-3');
    await table.getByText('dev-0000002', { exact: true }).first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1000);
    const tag = summarize(await longTasks(page), tagFrom, await now(page));

    const scrollFrom = await now(page);
    await page.getByLabel('Tag value').fill('');
    await table.getByText('dev-0000001', { exact: true }).first().waitFor({ timeout: 60_000 });
    for (const fraction of [0.25, 0.5, 0.75, 1]) {
      await table.evaluate((el, f) => el.scrollTo({ top: el.scrollHeight * f }), fraction);
      await page.waitForTimeout(400);
    }
    await page
      .getByRole('row')
      .filter({ hasText: /dev-\d{7}/ })
      .last()
      .waitFor({ timeout: 60_000 });
    const scroll = summarize(await longTasks(page), scrollFrom, await now(page));

    return {
      variant: label,
      subtitle,
      firstRowMs,
      loadedMs,
      searchSettledMs,
      startup,
      load,
      search,
      tag,
      scroll,
    };
  } finally {
    await browser.close();
    server.close();
  }
}

export interface RegistryBenchOptions {
  devices: number;
  rounds: number;
  /** A git ref whose page is measured too, for a before/after comparison. */
  before?: string;
}

export async function measureRegistryLongTasks({
  devices,
  rounds,
  before,
}: RegistryBenchOptions): Promise<Record<string, unknown>> {
  if (!chromiumAvailable()) return { skipped: `${CHROMIUM} is not installed` };
  const work = mkdtempSync(join(tmpdir(), 'registry-bench-'));
  try {
    const devicesPath = join(work, 'devices.txt');
    const records = await generateRegistryExport(devicesPath, devices);
    const variants: [string, string][] = [];
    if (before !== undefined) {
      const tree = join(work, 'before');
      mkdirSync(tree);
      execFileSync('sh', ['-c', `git -C "${ROOT}" archive "${before}" src | tar -x -C "${tree}"`]);
      variants.push([`before (${before})`, tree]);
    }
    variants.push(['after (working tree)', ROOT]);
    const bundles = variants.map((_, i) => join(work, `bundle-${i}`));
    for (const [i, [, tree]] of variants.entries())
      await bundleRegistryPage(tree, bundles[i] ?? '', join(ROOT, 'node_modules'));
    // Rounds alternate the order of the variants: other work on the machine hits both alike.
    const runs: (Awaited<ReturnType<typeof measure>> & { round: number })[] = [];
    for (let round = 0; round < rounds; round++) {
      const order = variants.map((_, i) => (round % 2 === 0 ? i : variants.length - 1 - i));
      for (const i of order)
        runs.push({
          round,
          ...(await measure(variants[i]?.[0] ?? '', bundles[i] ?? '', devicesPath)),
        });
    }
    const worst = (label: string, phase: 'load' | 'search' | 'tag' | 'scroll') =>
      runs.filter((r) => r.variant === label).map((r) => r[phase].maxLongTaskMs);
    const summary = Object.fromEntries(
      variants.map(([label]) => [
        label,
        {
          maxLongTaskMsPerRound: {
            load: worst(label, 'load'),
            search: worst(label, 'search'),
            tag: worst(label, 'tag'),
            scroll: worst(label, 'scroll'),
          },
        },
      ]),
    );
    return {
      devices,
      records,
      fileMb: Math.round(statSync(devicesPath).size / 1e6),
      rounds,
      goal: 'no main-thread task over 200 ms while loading, searching, filtering or scrolling',
      summary,
      runs,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function runRegistryBench(options: { quick: boolean }): Promise<Record<string, unknown>> {
  return measureRegistryLongTasks({ devices: options.quick ? 100_000 : 1_000_000, rounds: 1 });
}

if (process.argv[1] === import.meta.filename) {
  const result = await measureRegistryLongTasks({
    devices: Number(arg('devices', '1000000')),
    rounds: Number(arg('rounds', '1')),
    before: arg('before', undefined),
  });
  console.log(JSON.stringify(result, null, 2));
}
