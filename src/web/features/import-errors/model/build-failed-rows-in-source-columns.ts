import { csvCell } from '../../../../core/convert/csv/csv-cell';
import type { TextShape } from '../../../lib/read-text-lines';
import type { CsvLayout } from './collect-source-rows';
import type { ErrorRow } from './error-rows';

// The failed rows as the admin's own spreadsheet: the original header and each refused row exactly
// as it was written (same delimiter, quoting, BOM and line ends), plus one `error` column saying
// what the hub refused and what to do. Fixed in Excel, the file drops back into the wizard: the
// converter ignores a column it does not know (the `error` column), see docs/csv-files.md.

export type SourceFileLayout = CsvLayout & TextShape;

export const ERROR_COLUMN = 'error';

export interface FailedRowsFile {
  blob: Blob;
  /** Failed rows written; the others had no source row (a line the hub could not read, say). */
  written: number;
  missing: number;
}

function errorText(row: ErrorRow): string {
  const code = row.errorCode === null ? 'unreadable' : String(row.errorCode);
  return `${code} ${row.info.name}: ${row.info.whatToDo}`;
}

export function buildFailedRowsInSourceColumns(
  rows: readonly ErrorRow[],
  layout: SourceFileLayout,
): FailedRowsFile {
  const { delimiter, lineEnding } = layout;
  const parts: string[] = [
    `${layout.bom ? '\uFEFF' : ''}${layout.headerText}${delimiter}${ERROR_COLUMN}${lineEnding}`,
  ];
  let written = 0;
  let chunk = '';
  // One line per source row, even when the hub logged it twice (a device and its twin).
  const seen = new Set<number>();
  for (const row of rows) {
    if (!row.source) continue;
    if (seen.has(row.source.line)) continue;
    seen.add(row.source.line);
    // A quoted cell may hold line breaks; they keep the file's own line ending.
    const record = row.source.values.replace(/\r?\n/g, lineEnding);
    chunk += `${record}${delimiter}${csvCell(errorText(row), delimiter)}${lineEnding}`;
    written++;
    if (chunk.length > 1_000_000) {
      parts.push(chunk);
      chunk = '';
    }
  }
  if (chunk) parts.push(chunk);
  const missing = rows.filter((row) => !row.source).length;
  return { blob: new Blob(parts, { type: 'text/csv;charset=utf-8' }), written, missing };
}
