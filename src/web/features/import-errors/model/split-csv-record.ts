// A small RFC 4180 splitter for the error table's join: it only needs the id cell and the row's
// values as text from rows already accepted by the conversion engine (core's papaparse source).

/** True while a record is still inside a quoted field (an odd number of quotes so far). */
export function hasOpenQuote(text: string): boolean {
  if (text.indexOf('"') === -1) return false;
  let open = false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 34) open = !open;
  return open;
}

export function splitCsvRecord(record: string, delimiter: string): string[] {
  if (record.indexOf('"') === -1) return record.split(delimiter);
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    const char = record[i] as string;
    if (quoted) {
      if (char === '"' && record[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"' && cell === '') {
      quoted = true;
    } else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else {
      cell += char;
    }
  }
  cells.push(cell);
  return cells;
}
