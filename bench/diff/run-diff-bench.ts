import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffRegistries } from '../../src/core/diff/diff-registries';
import { createSnapshotBuilder } from '../../src/core/registry/build-registry-snapshot';
import type { DiffSummary } from '../../src/core/diff';
import { generateDiffExports } from './generate-diff-exports';
import { createJsonLineFloor } from './json-line-floor';
import { measureBrowserDiff } from './measure-browser-diff';

const ROUNDS = 3;
const CHUNK = 1 << 20;

async function* chunks(path: string): AsyncGenerator<string> {
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: CHUNK }))
    yield chunk as string;
}

// The floor to compare against: the same streaming read, split on LF, JSON.parse of every line.
async function parseEveryLine(path: string): Promise<number> {
  const floor = createJsonLineFloor();
  for await (const chunk of chunks(path)) floor.push(chunk);
  return floor.end();
}

async function snapshot(path: string) {
  const builder = createSnapshotBuilder();
  for await (const chunk of chunks(path)) builder.push(chunk);
  return builder.finish();
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const seconds = (from: bigint): number => Number(process.hrtime.bigint() - from) / 1e9;
const mb = (bytes: number): number => Math.round(bytes / 1e6);

async function benchSize(count: number, dir: string): Promise<Record<string, unknown>> {
  const pathA = join(dir, `a-${count}.txt`);
  const pathB = join(dir, `b-${count}.txt`);
  const genStart = process.hrtime.bigint();
  const expected = await generateDiffExports(pathA, pathB, count);
  const generateS = seconds(genStart);
  const rounds: {
    floorS: number;
    parseS: number;
    diffS: number;
    totalS: number;
    ratio: number;
    retainedHeapMb: number;
  }[] = [];
  let summary: DiffSummary | undefined;
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which mode goes first so warm-up and GC debt do not always favour the same one.
    const floorFirst = round % 2 === 0;
    let floorS = 0;
    const runFloor = async (): Promise<void> => {
      gc();
      const t = process.hrtime.bigint();
      await parseEveryLine(pathA);
      await parseEveryLine(pathB);
      floorS = seconds(t);
    };
    let parseS = 0;
    let diffS = 0;
    let retainedHeapMb = 0;
    const runDiff = async (): Promise<void> => {
      gc();
      const heapBefore = process.memoryUsage().heapUsed;
      const t = process.hrtime.bigint();
      const a = await snapshot(pathA);
      const b = await snapshot(pathB);
      parseS = seconds(t);
      const t2 = process.hrtime.bigint();
      summary = diffRegistries(a, b).summary;
      diffS = seconds(t2);
      gc();
      retainedHeapMb = mb(process.memoryUsage().heapUsed - heapBefore);
    };
    if (floorFirst) {
      await runFloor();
      await runDiff();
    } else {
      await runDiff();
      await runFloor();
    }
    rounds.push({
      floorS,
      parseS,
      diffS,
      totalS: parseS + diffS,
      ratio: (parseS + diffS) / floorS,
      retainedHeapMb,
    });
  }
  const bytes = statSync(pathA).size + statSync(pathB).size;
  // Same files, same run: the worker's counts must equal Node's (measureBrowserDiff throws
  // otherwise).
  const browserWorker =
    summary === undefined
      ? { skipped: 'no Node summary' }
      : await measureBrowserDiff(pathA, pathB, ROUNDS, summary);
  rmSync(pathA);
  rmSync(pathB);
  const changes = expected.status + expected.keys + expected.tag + expected.desired;
  return {
    devices: count,
    bytesBothFiles: bytes,
    generateS: round3(generateS),
    expected: { added: expected['only-a'], removed: expected['only-b'], changed: changes },
    summary,
    jsonParseEveryLineS: round3(median(rounds.map((r) => r.floorS))),
    parseAndIndexS: round3(median(rounds.map((r) => r.parseS))),
    diffS: round3(median(rounds.map((r) => r.diffS))),
    parseAndDiffS: round3(median(rounds.map((r) => r.totalS))),
    ratioToJsonParse: round3(median(rounds.map((r) => r.ratio))),
    retainedHeapMb: median(rounds.map((r) => r.retainedHeapMb)),
    rounds,
    browserWorker,
  };
}

const round3 = (n: number): number => Math.round(n * 1000) / 1000;

/**
 * `npm run bench -- diff`: two generated exports 1% apart, parse + diff against JSON.parse of every
 * line of both files, median of 3 paired rounds, in Node and then (per size, `browserWorker`) in a
 * Chromium dedicated worker over the same files. Run Node with --expose-gc for
 * the retained-heap figure; peak RSS is the whole process's, both modes included.
 */
export async function runDiffBench(opts: { quick: boolean }): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'diff-bench-'));
  try {
    const sizes = opts.quick ? [100_000] : [100_000, 1_000_000];
    const results: Record<string, unknown> = {};
    for (const size of sizes) results[String(size)] = await benchSize(size, dir);
    return {
      node: process.version,
      gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
      rounds: ROUNDS,
      sizes: results,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
