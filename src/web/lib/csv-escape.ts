import { csvCell } from '../../core/convert/csv/csv-cell';

// CSV written for people who open it in Excel or Sheets, cell by cell through core's writer
// (formula guard and quoting). Only strings go through the guard: a number such as -5 is a value,
// not a formula, and its text never needs quotes.
export function escapeCsvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? csvCell(value) : String(value);
}

export function toCsvLine(
  cells: ReadonlyArray<string | number | boolean | null | undefined>,
): string {
  return cells.map(escapeCsvCell).join(',');
}

/** Builds a CSV Blob in parts so a large table never becomes one giant string. */
export function toCsvBlob(
  header: readonly string[],
  rows: Iterable<ReadonlyArray<string | number | boolean | null | undefined>>,
): Blob {
  const parts: string[] = [toCsvLine(header) + '\r\n'];
  let chunk = '';
  for (const row of rows) {
    chunk += toCsvLine(row) + '\r\n';
    if (chunk.length > 1_000_000) {
      parts.push(chunk);
      chunk = '';
    }
  }
  if (chunk) parts.push(chunk);
  return new Blob(parts, { type: 'text/csv;charset=utf-8' });
}
