import { findElementLines } from '../../../../core/convert/json-element-lines';
import { guessCsvDialect } from '../../../../core/convert/csv/guess-csv-dialect';
import { hasOpenQuote, splitCsvRecord } from './split-csv-record';

export type SourceFormat = 'csv' | 'ndjson' | 'json';

/** A CSV source's header record as written, and the delimiter its rows use. */
export interface CsvLayout {
  headerText: string;
  delimiter: string;
}

/** Where a failed device came from in the file the admin dropped. */
export interface SourceRow {
  line: number;
  values: string;
}

const ID_COLUMNS = new Set(['id', 'deviceid', 'device id', 'device_id', 'device-id']);
const ARRAY_KEYS = ['devices', 'items', 'value', 'data', 'records'];
// JSON arrays are parsed whole (JSON has no streaming parse here); above this the join is skipped.
const MAX_JSON_CHARS = 200_000_000;

function idOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const id = record['id'] ?? record['deviceId'];
  return typeof id === 'string' ? id : null;
}

/**
 * Keeps only the source rows of the wanted device ids, fed line by line as the file streams in,
 * so a million-row source costs memory only for the failed rows.
 */
export class SourceRowCollector {
  readonly rows = new Map<string, SourceRow>();
  private header: string[] | null = null;
  private headerText: string | null = null;
  private idIndex = 0;
  private delimiter = ',';
  // The CSV lines seen before the delimiter is known: it is the converter's guess from the same
  // first lines (core's guessCsvDialect), so a row is split here as it was when it was imported.
  private beforeGuess: { lines: { text: string; line: number }[]; text: string } | null = {
    lines: [],
    text: '',
  };
  private pending: { text: string; line: number } | null = null;
  private jsonParts: string[] = [];
  private jsonChars = 0;

  constructor(
    private readonly format: SourceFormat,
    private readonly wanted: ReadonlySet<string>,
  ) {}

  pushLines(lines: string[], firstLine: number): void {
    lines.forEach((line, index) => this.pushLine(line, firstLine + index));
  }

  private keep(id: string | null, line: number, values: string): void {
    if (id !== null && this.wanted.has(id) && !this.rows.has(id))
      this.rows.set(id, { line, values });
  }

  private pushLine(text: string, line: number): void {
    if (this.format === 'json') {
      this.jsonChars += text.length + 1;
      if (this.jsonChars <= MAX_JSON_CHARS) this.jsonParts.push(text);
      return;
    }
    if (this.format === 'ndjson') {
      if (!text.trim().startsWith('{')) return;
      try {
        this.keep(idOf(JSON.parse(text)), line, text);
      } catch {
        // A line the conversion already reported as invalid; it cannot be in the hub's log.
      }
      return;
    }
    if (this.beforeGuess !== null) {
      this.beforeGuess.lines.push({ text, line });
      this.beforeGuess.text += `${text}\n`;
      this.guessDelimiter(false);
      return;
    }
    this.pushCsvLine(text, line);
  }

  private guessDelimiter(final: boolean): void {
    const early = this.beforeGuess;
    const dialect = early && guessCsvDialect(early.text, final);
    if (!early || !dialect) return;
    this.beforeGuess = null;
    this.delimiter = dialect.delimiter;
    for (const { text, line } of early.lines) this.pushCsvLine(text, line);
  }

  private pushCsvLine(text: string, line: number): void {
    const record = this.pending
      ? { text: `${this.pending.text}\n${text}`, line: this.pending.line }
      : { text, line };
    if (hasOpenQuote(record.text)) {
      this.pending = record;
      return;
    }
    this.pending = null;
    if (record.text.trim() === '') return;
    if (this.header === null) {
      this.headerText = record.text;
      this.header = splitCsvRecord(record.text, this.delimiter);
      const found = this.header.findIndex((name) => ID_COLUMNS.has(name.trim().toLowerCase()));
      this.idIndex = found >= 0 ? found : 0;
      return;
    }
    // Most rows are not wanted: take the id cell cheaply before keeping anything.
    const cells = splitCsvRecord(record.text, this.delimiter);
    const id = cells[this.idIndex]?.trim() ?? null;
    if (id !== null && this.wanted.has(id)) this.keep(id, record.line, record.text);
  }

  /** The header and delimiter of a CSV source; null for JSON, NDJSON or a file without a header. */
  csvLayout(): CsvLayout | null {
    if (this.format !== 'csv' || this.headerText === null) return null;
    return { headerText: this.headerText, delimiter: this.delimiter };
  }

  /** Call once after the last line; finishes the JSON case, which needs the whole text. */
  finish(): Map<string, SourceRow> {
    if (this.format === 'csv') this.guessDelimiter(true);
    if (this.format !== 'json' || this.jsonChars > MAX_JSON_CHARS) return this.rows;
    const text = this.jsonParts.join('\n');
    this.jsonParts = [];
    let root: unknown;
    try {
      root = JSON.parse(text);
    } catch {
      return this.rows;
    }
    let items: unknown[] = [];
    let ordinal: number | null = null;
    if (Array.isArray(root)) items = root;
    else if (typeof root === 'object' && root !== null) {
      const arrays = Object.entries(root).filter(([, value]) => Array.isArray(value));
      const index = Math.max(
        0,
        arrays.findIndex(([key]) => ARRAY_KEYS.includes(key.toLowerCase())),
      );
      items = (arrays[index]?.[1] as unknown[] | undefined) ?? [];
      ordinal = index;
    }
    const lines = findElementLines(text, ordinal);
    items.forEach((item, index) => this.keep(idOf(item), lines[index] ?? 0, JSON.stringify(item)));
    return this.rows;
  }
}

export function sourceFormatOf(fileName: string | null): SourceFormat {
  const ext = (fileName ?? '').toLowerCase().split('.').pop() ?? '';
  if (ext === 'json') return 'json';
  if (ext === 'ndjson' || ext === 'txt') return 'ndjson';
  return 'csv';
}
