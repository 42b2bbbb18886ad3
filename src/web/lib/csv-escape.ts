import { guardFormula } from '../../core/convert/csv/csv-formula-guard';

// CSV written for people who open it in Excel or Sheets. A cell that starts with = + - @ (or a tab
// or carriage return) is run as a formula by those programs (OWASP "CSV Injection"), so such cells
// get a leading apostrophe, which the spreadsheet shows as text and does not evaluate. Core's CSV
// reader takes it off again on re-import (guardFormula, docs/csv-files.md).

export function escapeCsvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string') text = guardFormula(text);
  if (/[",\r\n]/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
  return text;
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
