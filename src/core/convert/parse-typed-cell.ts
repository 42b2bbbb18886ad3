// Cells of dotted twin columns are typed as JSON where they parse as a number, boolean, null,
// object or array ("12" -> 12, "true" -> true); everything else stays a string. "007" is not
// JSON and stays "007", so ids and zip codes survive.
const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

export function parseTypedCell(cell: string): unknown {
  const first = cell.charCodeAt(0);
  if (first === 45 || (first >= 48 && first <= 57)) {
    if (JSON_NUMBER.test(cell)) {
      const n = Number(cell);
      if (Number.isFinite(n)) return n;
    }
    return cell;
  }
  if (first === 116 && cell === 'true') return true;
  if (first === 102 && cell === 'false') return false;
  if (first === 110 && cell === 'null') return null;
  if (first === 123 || first === 91) {
    try {
      return JSON.parse(cell) as unknown;
    } catch {
      return cell;
    }
  }
  return cell;
}
