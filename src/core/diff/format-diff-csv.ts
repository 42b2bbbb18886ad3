import { guardFormula } from '../convert/csv/csv-formula-guard';
import type { RegistryDiff } from './diff-types';

const HEADER = ['kind', 'id', 'moduleId', 'fields'];

// Spreadsheet apps run a cell that starts with = + - @ (or a tab or CR before one) as a formula
// (OWASP "CSV injection"); a leading single quote makes them show it as text. Device ids may start
// with `-`, `+`, `=` or `@`, so this is not theoretical. The CSV reader undoes it (docs/csv-files.md).
export function csvCell(value: string): string {
  const safe = guardFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** CSV lines (CRLF, as RFC 4180 and Excel expect), header first; fields joined with `;`. */
export function* diffCsvLines(diff: RegistryDiff): Generator<string> {
  yield HEADER.join(',') + '\r\n';
  for (const change of diff.changes) {
    yield (
      [change.kind, change.id, change.moduleId ?? '', change.fields.join(';')]
        .map(csvCell)
        .join(',') + '\r\n'
    );
  }
}

export function formatDiffCsv(diff: RegistryDiff): string {
  return [...diffCsvLines(diff)].join('');
}
