import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

// Deterministic device lists for the benchmark (docs/reference/measured-baselines.md#inputs): sfc32
// with a fixed seed, ids dev-0000001..., 95% enabled, 90% create / 10% createOrUpdate, base64 keys
// of 32 bytes, tags.site, tags.floor, desired.telemetryInterval; LF, no quotes (papaparse's fast
// path).
function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** The benchmarks' one seed, so every generated list has the same rows. */
export function sfc32Seeded(): () => number {
  return sfc32(0x9e3779b9, 0x243f6a88, 0xb7e15162, 0x01234567);
}

const INTERVALS = [10, 15, 30, 60, 120, 300];
export const BENCH_CSV_HEADER =
  'deviceId,status,primaryKey,secondaryKey,tags.site,tags.floor,desired.telemetryInterval,importMode';

function key(random: () => number): string {
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i++) bytes[i] = Math.floor(random() * 256);
  return Buffer.from(bytes).toString('base64');
}

export function deviceCsvRow(index: number, random: () => number): string {
  const status = random() < 0.95 ? 'enabled' : 'disabled';
  const mode = random() < 0.9 ? 'create' : 'createOrUpdate';
  const site = 1 + Math.floor(random() * 20);
  const floor = 1 + Math.floor(random() * 12);
  const interval = INTERVALS[Math.floor(random() * INTERVALS.length)]!;
  return `dev-${String(index).padStart(7, '0')},${status},${key(random)},${key(random)},plant-${site},${floor},${interval},${mode}`;
}

/**
 * Writes `rows` device rows (plus the header) to `path`. The same seed makes smaller files prefixes
 * of larger ones.
 */
export async function generateDeviceCsv(path: string, rows: number): Promise<void> {
  const random = sfc32Seeded();
  const out = createWriteStream(path);
  let batch: string[] = [BENCH_CSV_HEADER];
  for (let i = 1; i <= rows; i++) {
    batch.push(deviceCsvRow(i, random));
    if (batch.length >= 10_000) {
      if (!out.write(batch.join('\n') + '\n')) await once(out, 'drain');
      batch = [];
    }
  }
  if (batch.length > 0) out.write(batch.join('\n') + '\n');
  out.end();
  await once(out, 'finish');
}
