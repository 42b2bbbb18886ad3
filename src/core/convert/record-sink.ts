import { applyCell } from './apply-cell';
import { planColumn, type ColumnPlanEntry } from './column-plan';
import { convertRow, type RowContext } from './convert-row';
import { createRowDraft, resetRowDraft, type RowDraft } from './row-draft';
import type { ColumnInfo } from './types';

const SAMPLE_COUNT = 3;
const SAMPLE_MAX_CHARS = 80;

/**
 * Shared by the CSV, JSON and NDJSON sources: the column plan (detected or mapped targets), column
 * samples for the UI, and the hand-off of one record to validation.
 */
export class RecordSink {
  readonly draft: RowDraft = createRowDraft();
  readonly columns: ColumnInfo[] = [];
  private readonly byName = new Map<string, ColumnPlanEntry>();

  constructor(readonly ctx: RowContext) {}

  column(name: string): ColumnPlanEntry {
    let entry = this.byName.get(name);
    if (entry === undefined) {
      entry = planColumn(name, this.columns.length, this.ctx.options.mapping);
      this.byName.set(name, entry);
      this.columns.push({
        column: name,
        detected: entry.detected,
        effective: entry.effective,
        samples: [],
      });
      this.ctx.report.columns = this.columns;
      if (entry.pathProblem !== undefined && entry.effective !== null) {
        this.ctx.report.mappingProblems.push({
          column: name,
          target: entry.effective,
          code: entry.pathProblem.code,
          message: `column "${name}" maps to ${entry.effective}: the path ${entry.pathProblem.message}; type another name in the mapping`,
        });
      }
      if (entry.effective === null) {
        const hint =
          name.trim().toUpperCase() === 'IOTC_DEVICENAME'
            ? ': IoT Hub has no display name; map it to a tag such as tags.displayName to keep it'
            : '';
        this.ctx.report.add(
          0,
          0,
          name,
          'UNMAPPED_COLUMN',
          `column "${name}" is not mapped to a hub field and is left out${hint}`,
        );
      }
    }
    return entry;
  }

  sample(index: number, value: unknown): void {
    const info = this.columns[index];
    if (info === undefined || info.samples.length >= SAMPLE_COUNT) return;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (text === undefined || text === '') return;
    info.samples.push(
      text.length > SAMPLE_MAX_CHARS ? `${text.slice(0, SAMPLE_MAX_CHARS)}…` : text,
    );
  }

  begin(): RowDraft {
    resetRowDraft(this.draft);
    return this.draft;
  }

  apply(entry: ColumnPlanEntry, value: unknown): void {
    applyCell(this.draft, entry, value);
  }

  finishRow(line: number, row: number): void {
    convertRow(this.ctx, this.draft, line, row);
  }

  blank(): void {
    this.ctx.report.blank++;
  }
}
