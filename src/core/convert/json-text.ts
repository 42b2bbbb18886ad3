import { parseTypedCell } from './parse-typed-cell';

// What JSON.stringify may write differently from the characters themselves: control characters,
// quote, backslash and surrogates (lone ones are escaped). A regular-expression search beats a
// charCodeAt loop here, as in base64.ts.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\ud800-\udfff]/;

/** JSON string literal; skips JSON.stringify when nothing needs escaping (the common case). */
export function jsonString(value: string): string {
  return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : '"' + value + '"';
}

// A plain integer's text is already its JSON text (no leading zero, no "-0", safe length).
function isPlainInteger(cell: string): boolean {
  const length = cell.length;
  let i = cell.charCodeAt(0) === 45 ? 1 : 0;
  if (length - i < 1 || length - i > 15) return false;
  const first = cell.charCodeAt(i);
  if (first < 49 || first > 57) return length - i === 1 && first === 48 && i === 0;
  for (i++; i < length; i++) {
    const c = cell.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * The JSON text of a typed cell, byte-identical to JSON.stringify(parseTypedCell(cell)). `parsed`
 * receives objects and arrays so the caller can check their keys and depth.
 */
export function typedCellJson(cell: string, onStructured: (value: object) => void): string {
  if (isPlainInteger(cell)) return cell;
  const typed = parseTypedCell(cell);
  if (typeof typed === 'string') return jsonString(typed);
  if (typed !== null && typeof typed === 'object') onStructured(typed);
  return JSON.stringify(typed);
}
