import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

// Device lists the journeys drop into the wizard, written to test-results so a failing run leaves
// the exact input behind.

const DIR = 'test-results/e2e-inputs';

export interface GeneratedCsv {
  path: string;
  ids: string[];
  invalidLines: number[];
}

/**
 * `count` rows; every row whose 1-based index is in `invalidRows` gets an id with a space, which
 * the hub refuses. The header is line 1, so data row r sits on line r + 1.
 */
export async function writeDeviceCsv(
  name: string,
  prefix: string,
  count: number,
  invalidRows: readonly number[] = [],
): Promise<GeneratedCsv> {
  const invalid = new Set(invalidRows);
  const lines = ['deviceId,status,tags.site,desired.interval'];
  const ids: string[] = [];
  for (let row = 1; row <= count; row += 1) {
    const id = invalid.has(row)
      ? `${prefix} bad ${row}`
      : `${prefix}-${String(row).padStart(6, '0')}`;
    if (!invalid.has(row)) ids.push(id);
    lines.push(`${id},${row % 7 === 0 ? 'disabled' : 'enabled'},site-${row % 5},${30 + (row % 3)}`);
  }
  await mkdir(DIR, { recursive: true });
  const file = path.join(DIR, name);
  await writeFile(file, lines.join('\n') + '\n');
  return { path: file, ids, invalidLines: [...invalid].map((row) => row + 1) };
}
