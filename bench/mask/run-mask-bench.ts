import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Transform } from 'node:stream';
import { PassThrough, Writable } from 'node:stream';
import { createMaskingTransform } from '../../src/proxy/masking/create-masking-transform';
import { generateDiffExports } from '../diff/generate-diff-exports';
import { generateDeviceCsv } from '../convert/generate-device-csv';
import { createNameBasedJsonMask, createNameBasedCsvMask } from './name-based-mask';

// `npm run bench -- mask`: the support download's masking (src/proxy/masking), which every byte of
// a file a support user opens goes through. Per format, three modes over the same file in the same
// round: the stream floor (read + pass-through), a plain name-based mask as the baseline (split
// lines, JSON.parse, replace secret-named members, JSON.stringify; for CSV, blank the key columns
// found by name in the header), and the real transform. Median of paired rounds, alternating order.
// The real transform's output is checked for a key-shaped value under a key field, so a fast but
// leaky change cannot pass.

const ROUNDS = 3;
const CHUNK = 1 << 16;

const seconds = (from: bigint): number => Number(process.hrtime.bigint() - from) / 1e9;
const round3 = (n: number): number => Math.round(n * 1000) / 1000;
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** A sink that keeps only a byte count and the last bytes of each chunk for the leak check. */
function createCheckingSink(check: (text: string) => void): Writable & { bytes: () => number } {
  let bytes = 0;
  let carry = '';
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      const text = carry + chunk.toString();
      bytes += Buffer.byteLength(chunk);
      const lastLf = text.lastIndexOf('\n');
      check(text.slice(0, lastLf + 1));
      carry = text.slice(lastLf + 1);
      callback();
    },
    final(callback) {
      check(carry);
      callback();
    },
  });
  return Object.assign(sink, { bytes: () => bytes });
}

const LEAKED_JSON_KEY = /"(?:primaryKey|secondaryKey)":"[A-Za-z0-9+/]{40,}={0,2}"/;
const LEAKED_CSV_KEY = /,[A-Za-z0-9+/]{43}=,/;

async function timeMode(
  path: string,
  makeTransform: () => Transform,
  leak: RegExp | undefined,
): Promise<{ s: number; bytesOut: number }> {
  gc();
  let leaked = '';
  const sink = createCheckingSink((text) => {
    if (leak && !leaked) leaked = leak.exec(text)?.[0] ?? '';
  });
  const t = process.hrtime.bigint();
  await pipeline(createReadStream(path, { highWaterMark: CHUNK }), makeTransform(), sink);
  const s = seconds(t);
  if (leaked) throw new Error(`masking left a key in clear: ${leaked.slice(0, 30)}…`);
  return { s, bytesOut: sink.bytes() };
}

async function benchFile(
  path: string,
  format: 'json' | 'csv',
  devices: number,
): Promise<Record<string, unknown>> {
  const modes = {
    floor: () => new PassThrough(),
    nameBased: format === 'json' ? createNameBasedJsonMask : createNameBasedCsvMask,
    masking: () => createMaskingTransform(format),
  };
  const leak = format === 'json' ? LEAKED_JSON_KEY : LEAKED_CSV_KEY;
  const rounds: Record<keyof typeof modes, number>[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order = (Object.keys(modes) as (keyof typeof modes)[]).slice();
    if (round % 2 === 1) order.reverse();
    const times = { floor: 0, nameBased: 0, masking: 0 };
    for (const mode of order) {
      const checked = mode === 'floor' ? undefined : leak;
      times[mode] = (await timeMode(path, modes[mode], checked)).s;
    }
    rounds.push(times);
  }
  const bytes = statSync(path).size;
  const med = (mode: keyof typeof modes): number => median(rounds.map((r) => r[mode]));
  return {
    devices,
    bytes,
    floorS: round3(med('floor')),
    nameBasedS: round3(med('nameBased')),
    maskingS: round3(med('masking')),
    maskingMBps: Math.round(bytes / 1e6 / med('masking')),
    ratioToNameBased: round3(median(rounds.map((r) => r.masking / r.nameBased))),
    ratioToFloor: round3(median(rounds.map((r) => r.masking / r.floor))),
    rounds: rounds.map((r) => ({
      floorS: round3(r.floor),
      nameBasedS: round3(r.nameBased),
      maskingS: round3(r.masking),
    })),
  };
}

export async function runMaskBench(opts: { quick: boolean }): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'mask-bench-'));
  try {
    const devices = opts.quick ? 100_000 : 1_000_000;
    const exportPath = join(dir, 'devices.txt');
    const otherPath = join(dir, 'unused.txt');
    await generateDiffExports(exportPath, otherPath, devices);
    rmSync(otherPath);
    const csvPath = join(dir, 'source.csv');
    await generateDeviceCsv(csvPath, devices);
    return {
      node: process.version,
      gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
      rounds: ROUNDS,
      exportWithKeys: await benchFile(exportPath, 'json', devices),
      csvSource: await benchFile(csvPath, 'csv', devices),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
