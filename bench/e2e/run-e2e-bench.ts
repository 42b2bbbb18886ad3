import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { TEST_USERS } from '../../src/dev-stack/identity-defaults';
import { startDevStack } from '../../src/dev-stack/stack';
import { median } from '../convert/bench-stats';
import { chromiumAvailable, CHROMIUM } from '../chromium-bench';
import { driveConsoleImport } from './drive-console-import';
import { blobRequests, journeyPhases, type JourneyPhases } from './e2e-phases';
import { formatE2eTable } from './format-e2e-table';
import { generateE2eCsv } from './generate-e2e-csv';
import type { SelfTime } from './summarize-cpu-profile';
import { bareInsertFloorS, blobService, papaparseFloorS, uploadFloorS } from './measure-floors';
import { measureUploadBlocks } from './measure-upload-blocks';

export interface Floors {
  papaparseS: number;
  uploadS: number;
  bareInsertS: number;
}

export interface E2eRound {
  phases: JourneyPhases;
  floors: Floors;
  rendererPeakMb: number;
  ratios: Record<string, number>;
  uploadProfile?: SelfTime[];
  wasmAllowed: boolean;
}

const TABLE_FILE = 'bench/results/e2e.md';
const BLOCKS_FILE = 'bench/results/e2e-upload-blocks.json';

async function previousJourney(): Promise<Record<string, unknown>> {
  try {
    const all = JSON.parse(await readFile('bench/results/latest.json', 'utf8')) as {
      e2e?: Record<string, unknown>;
    };
    return all.e2e ?? {};
  } catch {
    return {};
  }
}
// The aim of docs/reference/measured-baselines.md#drop-to-completed-in-the-console.
const AIM = 1.5;

function numberArg(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (arg === undefined) return fallback;
  const value = Number(arg.slice(name.length + 3));
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} wants a whole number`);
  return value;
}

function stringArg(name: string, fallback: string): string {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg === undefined ? fallback : arg.slice(name.length + 3);
}

const round3 = (n: number): number => Math.round(n * 1000) / 1000;

function ratiosOf(p: JourneyPhases, f: Floors): Record<string, number> {
  return {
    conversionToPapaparse: p.conversionS / f.papaparseS,
    uploadToNodeUpload: p.uploadS / f.uploadS,
    importToBareInsert: p.importS / f.bareInsertS,
    dropToJobStartedToFloors: p.dropToJobStartedS / (f.papaparseS + f.uploadS),
  };
}

async function downloadUploadedNdjson(
  account: { accountName: string; accountKey: string; blobEndpoint: string },
  devicesBlobUrl: string,
  to: string,
): Promise<void> {
  const accountPath = new URL(account.blobEndpoint).pathname.replace(/\/$/, '');
  const [container, ...blob] = new URL(devicesBlobUrl).pathname
    .slice(accountPath.length + 1)
    .split('/');
  if (!container || blob.length === 0)
    throw new Error('cannot tell the uploaded blob from its URL');
  await blobService(account)
    .getContainerClient(decodeURIComponent(container))
    .getBlobClient(blob.map(decodeURIComponent).join('/'))
    .downloadToFile(to);
}

async function oneRound(
  csv: string,
  rows: number,
  dir: string,
  staticDir: string,
): Promise<E2eRound> {
  const dataDir = mkdtempSync(join(dir, 'stack-'));
  const stack = await startDevStack({
    dataDir,
    ports: { app: 0, oidc: 0, hub: 0, azurite: 0 },
    staticDir,
    azuriteInMemory: true,
  });
  try {
    const admin = TEST_USERS.find((u) => u.username === 'admin');
    if (!admin) throw new Error('the local stack has no admin user');
    const journey = await driveConsoleImport(
      stack.appUrl,
      csv,
      admin,
      30 * 60_000,
      process.argv.includes('--profile-upload'),
    );
    const phases = journeyPhases(journey.marks, journey.resources, stack.azurite.blobEndpoint);
    const firstBlob = blobRequests(journey.resources, stack.azurite.blobEndpoint).sort(
      (a, b) => a.startTime - b.startTime,
    )[0];
    if (!firstBlob) throw new Error('no upload seen');
    const ndjson = join(dir, 'devices.ndjson');
    await downloadUploadedNdjson(stack.azurite, firstBlob.name, ndjson);
    const floors: Floors = {
      papaparseS: await papaparseFloorS(csv, rows),
      uploadS: await uploadFloorS(stack.azurite, [ndjson, csv]),
      bareInsertS: await bareInsertFloorS(ndjson, join(dir, `floor-${Date.now()}.sqlite`)),
    };
    rmSync(ndjson);
    return {
      phases,
      floors,
      rendererPeakMb: Math.round(journey.rendererPeakMb),
      ratios: ratiosOf(phases, floors),
      wasmAllowed: journey.wasmAllowed,
      ...(journey.uploadProfile ? { uploadProfile: journey.uploadProfile } : {}),
    };
  } finally {
    await stack.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function medians<T extends object>(items: T[]): Record<string, number> {
  const keys = Object.keys(items[0] ?? {}) as (keyof T)[];
  return Object.fromEntries(
    keys.map((k) => [k, round3(median(items.map((item) => Number(item[k]))))]),
  );
}

/**
 * `npm run bench -- e2e [--rows=N] [--rounds=N] [--profile-upload | --upload-blocks]`: a generated device list dropped in Chromium on
 * the real local stack (fresh stack and browser each round), each phase to "completed" timed and
 * set against its floor measured in the same round. 1,000,000 rows and 1 round by default (a round
 * takes minutes on a 2-core machine); `--quick` is 100,000 rows, 3 rounds. Needs `npm run build`
 * (or `--dist=<folder>` of another build).
 */
export async function runE2eBench(opts: { quick: boolean }): Promise<Record<string, unknown>> {
  if (!chromiumAvailable()) return { skipped: `${CHROMIUM} is not installed` };
  // Another build can be measured beside the current one (`vite build --outDir`).
  const staticDir = stringArg('dist', 'dist');
  if (!existsSync(join(staticDir, 'index.html')))
    throw new Error(`no built console in ${staticDir}: npm run build`);
  const rows = numberArg('rows', opts.quick ? 100_000 : 1_000_000);
  const rounds = numberArg('rounds', rows > 200_000 ? 1 : 3);
  const dir = mkdtempSync(join(os.tmpdir(), 'e2e-bench-'));
  try {
    const csv = join(dir, `devices-${rows}.csv`);
    const { refused } = await generateE2eCsv(csv, rows);
    // Kept in a file of its own, so the journey's figures in latest.json stay.
    if (process.argv.includes('--upload-blocks')) {
      const uploadBlocks = {
        rows,
        csvBytes: statSync(csv).size,
        loadAverageAtEnd: os.loadavg().map(round3),
        ...(await measureUploadBlocks(csv, rounds)),
      };
      await writeFile(BLOCKS_FILE, JSON.stringify(uploadBlocks, null, 2) + '\n');
      return { ...(await previousJourney()), uploadBlocksFile: BLOCKS_FILE };
    }
    const results: E2eRound[] = [];
    for (let round = 0; round < rounds; round++) {
      console.log(`round ${round + 1} of ${rounds}...`);
      const result = await oneRound(csv, rows, dir, staticDir);
      console.log(JSON.stringify(result));
      results.push(result);
    }
    const summary = {
      rows,
      staticDir,
      csvBytes: statSync(csv).size,
      refusedRows: refused,
      rounds,
      loadAverageAtEnd: os.loadavg().map(round3),
      phasesS: medians(results.map((r) => r.phases)),
      floorsS: medians(results.map((r) => r.floors)),
      ratios: medians(results.map((r) => r.ratios)),
      rendererPeakMb: Math.max(...results.map((r) => r.rendererPeakMb)),
      aim: `drop to job started <= ${AIM} x (papaparse floor + upload floor)`,
      perRound: results,
    };
    const met = (summary.ratios['dropToJobStartedToFloors'] ?? Infinity) <= AIM;
    await writeFile(TABLE_FILE, formatE2eTable({ ...summary, aimMet: met }));
    console.log(`Wrote ${TABLE_FILE}`);
    return { ...summary, aimMet: met };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
