import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { runConvertBench, runConvertBrowserBench } from './convert/run-convert-bench';
import { runDiffBench } from './diff/run-diff-bench';
import { runE2eBench } from './e2e/run-e2e-bench';
import { runEmulatorBench } from './emulator/run-emulator-bench';
import { runMaskBench } from './mask/run-mask-bench';
import { runPlanBench } from './plan/run-plan-bench';
import { runProxyBench } from './proxy/run-proxy-bench';
import { runRegistryBench } from './registry/measure-registry-long-tasks';

// `npm run bench [-- convert|emulator|diff|registry|plan|proxy|mask|e2e ...] [-- --quick]`
// (e2e also takes `--rows=N --rounds=N`). Each benchmark measures its
// baseline in the same run and reports ratios and medians; results merge into
// bench/results/latest.json so a partial run keeps the figures of the others.

type Bench = (options: { quick: boolean }) => Promise<Record<string, unknown>>;

const BENCHES: Record<string, Bench> = {
  convert: async (options) => ({
    node: await runConvertBench(options),
    browserWorker: await runConvertBrowserBench(options),
  }),
  emulator: runEmulatorBench,
  diff: runDiffBench,
  registry: runRegistryBench,
  mask: runMaskBench,
  plan: runPlanBench,
  proxy: runProxyBench,
  e2e: runE2eBench,
};

const RESULTS_FILE = 'bench/results/latest.json';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const named = args.filter((arg) => !arg.startsWith('--'));
  const unknown = named.filter((name) => !(name in BENCHES));
  if (unknown.length > 0) {
    console.error(
      `Unknown benchmark(s): ${unknown.join(', ')}. Known: ${Object.keys(BENCHES).join(', ')}`,
    );
    process.exitCode = 2;
    return;
  }
  const selected = named.length > 0 ? named : Object.keys(BENCHES);

  const previous = await readPrevious();
  const results: Record<string, unknown> = { ...previous };
  for (const name of selected) {
    const bench = BENCHES[name];
    if (!bench) continue;
    console.log(`\n== ${name}${quick ? ' (quick)' : ''}`);
    const started = Date.now();
    results[name] = {
      ...(await bench({ quick })),
      measuredAt: new Date().toISOString(),
      quick,
      machine: { cpus: os.cpus().length, node: process.version },
      wallSeconds: (Date.now() - started) / 1000,
    };
    console.log(JSON.stringify(results[name], null, 2));
  }
  await mkdir('bench/results', { recursive: true });
  await writeFile(RESULTS_FILE, JSON.stringify(results, null, 2) + '\n');
  console.log(`\nWrote ${RESULTS_FILE}`);
}

async function readPrevious(): Promise<Record<string, unknown>> {
  try {
    return JSON.parse(await readFile(RESULTS_FILE, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

await main();
