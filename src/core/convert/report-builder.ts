import type { ImportMode } from '../model/import-mode';
import type { DeviceStatus } from '../model/export-import-device';
import type {
  ColumnInfo,
  ConversionReport,
  FileError,
  InputFormat,
  MappingProblem,
  RowIssue,
} from './types';
import { severityOf } from '../issues/issue-catalogue';
import type { IssueCode } from '../issues/issue-catalogue';

const DEFAULT_MAX_ISSUES = 10_000;

/** Accumulates the exact row accounting and a capped list of issues while rows stream through. */
export class ReportBuilder {
  valid = 0;
  invalid = 0;
  blank = 0;
  generatedKeys = 0;
  format: InputFormat = 'csv';
  source: ConversionReport['source'] = 'generic';
  columns: ColumnInfo[] = [];
  fileError: FileError | undefined;
  readonly mappingProblems: MappingProblem[] = [];
  private readonly issues: RowIssue[] = [];
  private readonly issueCounts: Partial<Record<IssueCode, number>> = {};
  private readonly byMode: Partial<Record<ImportMode, number>> = {};
  private readonly byStatus: Partial<Record<DeviceStatus, number>> = {};
  private readonly maxIssues: number;

  constructor(maxIssues: number | undefined) {
    this.maxIssues = maxIssues ?? DEFAULT_MAX_ISSUES;
  }

  get total(): number {
    return this.valid + this.invalid + this.blank;
  }

  // The severity is the catalogue's, never the caller's, so a code means the same everywhere.
  add(line: number, row: number, field: string, code: IssueCode, message: string): void {
    this.issueCounts[code] = (this.issueCounts[code] ?? 0) + 1;
    if (this.issues.length < this.maxIssues)
      this.issues.push({ line, row, field, code, severity: severityOf(code), message });
  }

  countValid(mode: ImportMode, status: DeviceStatus): void {
    this.valid++;
    this.byMode[mode] = (this.byMode[mode] ?? 0) + 1;
    this.byStatus[status] = (this.byStatus[status] ?? 0) + 1;
  }

  build(written: boolean): ConversionReport {
    const unmappedColumns = this.columns
      .filter((c) => (c.effective ?? null) === null)
      .map((c) => c.column);
    const report: ConversionReport = {
      format: this.format,
      total: this.total,
      valid: this.valid,
      invalid: this.invalid,
      blank: this.blank,
      byMode: { ...this.byMode },
      byStatus: { ...this.byStatus },
      issues: this.issues.slice(),
      columns: this.columns.map((c) => ({ ...c, samples: c.samples.slice() })),
      unmappedColumns,
      issueCounts: { ...this.issueCounts },
      issuesTruncated:
        Object.values(this.issueCounts).reduce((a, b) => a + b, 0) > this.issues.length,
      generatedKeys: this.generatedKeys,
      written: written && this.mappingProblems.length === 0,
      source: this.source,
    };
    if (this.mappingProblems.length > 0)
      report.mappingProblems = this.mappingProblems.map((p) => ({ ...p }));
    if (this.fileError) report.fileError = { ...this.fileError };
    return report;
  }
}
