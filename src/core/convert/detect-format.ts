import type { InputFormat } from './types';

function firstLines(text: string, count: number): string[] {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < count && start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).trim();
    if (line !== '') lines.push(line);
    start = end + 1;
  }
  return lines;
}

function isJsonObjectLine(line: string): boolean {
  if (!line.startsWith('{') || !line.endsWith('}')) return false;
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

/**
 * Guesses the format from the first text of the file: `[` starts JSON; a first line that is a whole
 * JSON object (or a hub export's leading comment line followed by one) is NDJSON; a `{` that does
 * not close on its line is a pretty-printed JSON object; anything else is CSV.
 */
export function detectFormat(head: string): InputFormat {
  const [first, second] = firstLines(head, 2);
  if (first === undefined) return 'csv';
  if (first.startsWith('[')) return 'json';
  if (isJsonObjectLine(first)) return 'ndjson';
  if (first.startsWith('{')) return 'json';
  if (second !== undefined && isJsonObjectLine(second)) return 'ndjson';
  return 'csv';
}
