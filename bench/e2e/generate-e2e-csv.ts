import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { BENCH_CSV_HEADER, deviceCsvRow, sfc32Seeded } from '../convert/generate-device-csv';

/** Every this many rows one asks to update a device the fresh hub does not have. */
export const REFUSED_EVERY = 1000;

/**
 * The convert bench's device list (same seed, ids, keys and columns) with one row in every
 * REFUSED_EVERY set to importMode `update`: the conversion accepts it and the hub refuses it
 * (DeviceNotFound), so the journey ends with an importErrors.log of rows / REFUSED_EVERY lines to
 * read back.
 */
export async function generateE2eCsv(path: string, rows: number): Promise<{ refused: number }> {
  const random = sfc32Seeded();
  const out = createWriteStream(path);
  let batch: string[] = [BENCH_CSV_HEADER];
  let refused = 0;
  for (let i = 1; i <= rows; i++) {
    const row = deviceCsvRow(i, random);
    if (i % REFUSED_EVERY === 0) {
      refused += 1;
      batch.push(row.replace(/,[A-Za-z]+$/, ',update'));
    } else batch.push(row);
    if (batch.length >= 10_000) {
      if (!out.write(batch.join('\n') + '\n')) await once(out, 'drain');
      batch = [];
    }
  }
  if (batch.length > 0) out.write(batch.join('\n') + '\n');
  out.end();
  await once(out, 'finish');
  return { refused };
}
