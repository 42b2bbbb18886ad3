import { guardFormula } from './csv-formula-guard';

// The one way we write a CSV cell, for every CSV a person may open (diff, keys, failed and invalid
// rows, registry downloads): the formula guard first, so a spreadsheet shows the cell as text
// (csv-formula-guard.ts), then RFC 4180 quoting when the cell holds the delimiter, a quote or a
// line break. Core's CSV reader gives back the original value (docs/csv-files.md).
export function csvCell(value: string, delimiter = ','): string {
  const guarded = guardFormula(value);
  const needsQuotes = guarded.includes(delimiter) || /["\r\n]/.test(guarded);
  return needsQuotes ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}
