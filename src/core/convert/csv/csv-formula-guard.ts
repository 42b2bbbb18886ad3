// Spreadsheet apps run a cell that starts with = + - @ (or a tab or carriage return) as a formula
// (OWASP "CSV Injection"), so every CSV we write for people prefixes such a cell with an
// apostrophe, which the spreadsheet shows as text. Device ids may start with those characters, and
// a failed-rows CSV goes straight back into an import, so the reader takes the apostrophe off
// again: write then read gives the original value (docs/csv-files.md).
//
// An id may itself start with apostrophes (IoT Hub allows ' in ids), so the guard is made exactly
// reversible: a value of apostrophes followed by a formula character gets one more apostrophe,
// and the reader removes one from any such cell. Values without a formula character after their
// leading apostrophes pass both ways untouched.

const GUARDED = /^'*[=+\-@\t\r]/;
const APOSTROPHE = 39;

export function guardFormula(value: string): string {
  return GUARDED.test(value) ? `'${value}` : value;
}

export function unguardFormula(cell: string): string {
  return cell.charCodeAt(0) === APOSTROPHE && GUARDED.test(cell.slice(1)) ? cell.slice(1) : cell;
}
