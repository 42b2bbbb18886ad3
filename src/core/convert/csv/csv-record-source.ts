import Papa from 'papaparse';
import type { ColumnPlanEntry } from '../column-plan';
import { enableTwinText } from '../enable-twin-text';
import type { RecordSink } from '../record-sink';
import { unguardFormula } from './csv-formula-guard';
import { guessCsvDialect } from './guess-csv-dialect';

// Quoted fields may hold line breaks; the physical line of the next record moves past them.
function embeddedNewlines(cells: string[]): number {
  let count = 0;
  for (const cell of cells) {
    if (cell.indexOf('\n') === -1 && cell.indexOf('\r') === -1) continue;
    for (let i = 0; i < cell.length; i++) {
      const c = cell.charCodeAt(i);
      if (c === 10 || (c === 13 && cell.charCodeAt(i + 1) !== 10)) count++;
    }
  }
  return count;
}

interface PapaError {
  code: string;
  message: string;
  row?: number;
}

/**
 * Streams CSV text through papaparse's low-level Parser in array mode: each push parses the
 * complete records and keeps the unfinished tail for the next push (what papaparse's own
 * ChunkStreamer does), so memory stays flat in the input size.
 */
export class CsvRecordSource {
  private parser: Papa.Parser | undefined;
  private tail = '';
  private plan: ColumnPlanEntry[] = [];
  private header: string[] | undefined;
  private line = 1;
  private row = 0;
  stopped = false;

  constructor(
    private readonly sink: RecordSink,
    private readonly sniffChars: number,
  ) {}

  push(text: string, final: boolean): void {
    if (this.stopped) return;
    const input = this.tail + text;
    this.tail = '';
    if (this.parser === undefined) {
      const dialect = guessCsvDialect(input, final, this.sniffChars);
      if (dialect === undefined) {
        this.tail = input;
        return;
      }
      this.parser = new Papa.Parser(dialect);
    }
    const result = this.parser.parse(input, 0, !final) as Papa.ParseResult<string[]>;
    if (!final) this.tail = input.slice(result.meta.cursor);
    const rows = result.data;
    // A final line break leaves one empty trailing "row" that is not a record.
    if (final && rows.length > 0 && /[\r\n]$/.test(input)) {
      const last = rows[rows.length - 1]!;
      if (last.length === 1 && last[0] === '') rows.pop();
    }
    const errors =
      result.errors.length > 0
        ? new Map((result.errors as PapaError[]).map((e) => [e.row ?? -1, e]))
        : undefined;
    this.consume(rows, input.indexOf('"') !== -1, errors);
  }

  private consume(
    rows: string[][],
    quoted: boolean,
    errors: Map<number, PapaError> | undefined,
  ): void {
    const sink = this.sink;
    let start = 0;
    if (this.header === undefined && rows.length > 0) {
      this.start(rows[0]!);
      this.line += 1 + (quoted ? embeddedNewlines(rows[0]!) : 0);
      start = 1;
      if (this.stopped) {
        for (let i = 1; i < rows.length && i <= 5; i++) this.sampleRow(rows[i]!);
        return;
      }
    }
    const plan = this.plan;
    const width = this.header?.length ?? 0;
    for (let i = start; i < rows.length; i++) {
      const cells = rows[i]!;
      const line = this.line;
      this.line += quoted ? 1 + embeddedNewlines(cells) : 1;
      const row = ++this.row;
      if (isBlank(cells)) {
        sink.blank();
        continue;
      }
      if (row <= 20) this.sampleRow(cells);
      sink.begin();
      for (let p = 0; p < plan.length; p++) {
        const entry = plan[p]!;
        const cell = cells[entry.index];
        if (cell !== undefined && cell !== '') sink.apply(entry, unguardFormula(cell));
      }
      const problem = errors?.get(i);
      if (problem !== undefined) this.reportParseProblem(problem, line, row);
      else if (cells.length !== width) {
        sink.ctx.report.add(
          line,
          row,
          '',
          'FIELD_COUNT_MISMATCH',
          `the row has ${cells.length} fields; the header has ${width}`,
        );
      }
      sink.finishRow(line, row);
    }
  }

  private reportParseProblem(problem: PapaError, line: number, row: number): void {
    // An unclosed quote swallows the rest of the file into one field: the row cannot be trusted.
    if (problem.code === 'MissingQuotes')
      this.sink.draft.cellError ??= {
        field: '',
        code: 'CSV_UNCLOSED_QUOTE',
        message: problem.message,
      };
    else this.sink.ctx.report.add(line, row, '', 'CSV_QUOTES', problem.message);
  }

  private start(cells: string[]): void {
    // Our writers guard header cells too, so a column named "-x" comes back as "-x".
    const header = cells.map(unguardFormula);
    this.header = header;
    const entries = header.map((name) => this.sink.column(name));
    enableTwinText(entries);
    this.plan = entries.filter((e) => e.kind !== 0);
    const report = this.sink.ctx.report;
    if (header.some((h) => h.trim().toUpperCase() === 'IOTC_DEVICEID'))
      report.source = 'iot-central';
    if (!entries.some((e) => e.effective === 'id')) {
      this.stopped = true;
      report.fileError = {
        code: 'NO_ID_COLUMN',
        message: 'no column holds the device id: name one "deviceId" or map a column to "id"',
        line: 1,
      };
    }
  }

  private sampleRow(cells: string[]): void {
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      this.sink.sample(c, cell === undefined ? cell : unguardFormula(cell));
    }
  }
}

function isBlank(cells: string[]): boolean {
  for (const cell of cells) {
    if (cell.length > 0 && (cell.charCodeAt(0) > 32 || cell.trim() !== '')) return false;
  }
  return true;
}
