import { parseTypedCell } from './parse-typed-cell';

/** JSON string literal; skips JSON.stringify when nothing needs escaping (the common case). */
export function jsonString(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 32 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(value);
  }
  return '"' + value + '"';
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
