import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ConvertOptions } from '../../src/core/convert/types';
import { checkWorkerEquivalence } from './check-worker-equivalence';
import { fuzzConversion } from './fuzz-conversion';
import { generateDeviceCsv } from './generate-device-csv';
import { measureBrowserConversion } from './measure-browser-conversion';
import { measureNodeConversion } from './measure-node-conversion';

const DATA_DIR = join(import.meta.dirname, '../.data/convert');
const OPTIONS: ConvertOptions = {
  format: 'auto',
  defaultMode: 'create',
  defaultStatus: 'enabled',
  keyPolicy: 'hub-generates',
  skipInvalid: false,
};

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function ensureCsv(rows: number): Promise<string> {
  mkdirSync(DATA_DIR, { recursive: true });
  const path = join(DATA_DIR, `devices-${rows}.csv`);
  if (!existsSync(path)) await generateDeviceCsv(path, rows);
  return path;
}

/**
 * Node half: generated CSVs, papaparse streaming parse vs full conversion, fresh processes,
 * medians.
 */
export async function runConvertBench(opts: { quick: boolean }): Promise<Record<string, unknown>> {
  const sizes = opts.quick ? [100_000] : [100_000, 1_000_000];
  const rounds = opts.quick ? 3 : 5;
  const node: Record<string, unknown> = {};
  for (const rows of sizes) {
    const csv = await ensureCsv(rows);
    node[String(rows)] = {
      csvBytes: statSync(csv).size,
      csvSha256: await sha256File(csv),
      ...(await measureNodeConversion(csv, rows, rounds)),
    };
  }
  const fuzz = await fuzzConversion(opts.quick ? 1000 : 10_000);
  return {
    node,
    fuzz,
    goal: 'full conversion <= 2.5x papaparse streaming parse of the same file, same run',
  };
}

/**
 * Browser half: the real worker bundle in Chromium's dedicated Worker, File from <input type=file>.
 */
export async function runConvertBrowserBench(opts: {
  quick: boolean;
}): Promise<Record<string, unknown>> {
  const sizes = opts.quick ? [100_000] : [100_000, 1_000_000];
  const rounds = 3;
  const browser: Record<string, unknown> = {};
  for (const rows of sizes) {
    const csv = await ensureCsv(rows);
    const result = await measureBrowserConversion(csv, rows, rounds, OPTIONS);
    browser[String(rows)] = {
      ...result,
      rendererPeakOverCsv:
        typeof result.rendererPeakMbConvert === 'number'
          ? result.rendererPeakMbConvert / (statSync(csv).size / 1e6)
          : undefined,
    };
  }
  return {
    browser,
    workerEquivalence: await checkWorkerEquivalence(),
    goal: 'worker conversion <= 2.5x in-worker papaparse parse; renderer peak < 4x the CSV size',
  };
}

if (process.argv[1] === import.meta.filename) {
  const quick = process.argv.includes('--quick');
  const result = {
    ...(await runConvertBench({ quick })),
    ...(process.argv.includes('--browser') ? await runConvertBrowserBench({ quick }) : {}),
  };
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}
