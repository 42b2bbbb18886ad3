import type { ImportMode } from '../model/import-mode';
import type { DeviceStatus } from '../model/export-import-device';
import type { IssueCode, IssueCodeOf, IssueSeverity } from '../issues/issue-catalogue';

export type { IssueCode, IssueSeverity };

// The public shapes of the conversion engine: what the CLI, the worker and the UI exchange with
// core.

export type InputFormat = 'csv' | 'json' | 'ndjson';

/**
 * A target field of the import record, or `ignore`. Dotted targets (`tags.site`,
 * `properties.desired.a.b`) are free-form.
 */
export type MappingTarget =
  | 'id'
  | 'moduleId'
  | 'importMode'
  | 'status'
  | 'statusReason'
  | 'authType'
  | 'primaryKey'
  | 'secondaryKey'
  | 'primaryThumbprint'
  | 'secondaryThumbprint'
  | 'eTag'
  | 'twinETag'
  | 'tags'
  | 'desired'
  | 'reported'
  | 'iotEdge'
  | 'deviceScope'
  | 'parentScopes'
  | 'ignore'
  | `tags.${string}`
  | `properties.desired.${string}`
  | `properties.reported.${string}`;

/**
 * Column name (as in the file) -> target. An explicit mapping overrides detection column by column.
 */
export type ColumnMapping = Record<string, MappingTarget>;

export interface ColumnInfo {
  column: string;
  detected: MappingTarget | null;
  /**
   * What the conversion used: the explicit mapping when one was given for this column, else
   * `detected`.
   */
  effective?: MappingTarget | null;
  samples: string[];
}

export type KeyPolicy = 'hub-generates' | 'generate-here';

/**
 * Rows that carry one symmetric key where the hub needs both or neither: refuse them (default),
 * generate the missing key here (it goes to the keys file), or drop the given key so the hub
 * generates both.
 */
export type OneKeyFix = 'refuse' | 'generate-other' | 'hub-generates-both';

export interface ConvertOptions {
  format: InputFormat | 'auto';
  defaultMode: ImportMode;
  defaultStatus: DeviceStatus;
  keyPolicy: KeyPolicy;
  mapping?: ColumnMapping;
  /**
   * When true, invalid rows are left out of the output; otherwise any invalid row means no output
   * at all.
   */
  skipInvalid: boolean;
  /**
   * Refuse `+` and `#` in ids (the current docs call them unsupported; the live service takes
   * them). Default false.
   */
  strictIds?: boolean;
  /** What to do with rows that have only one of the two keys. Default `refuse`. */
  oneKeyFix?: OneKeyFix;
  /** Trim spaces around ids and module ids (each trimmed row gets an `ID_TRIMMED` warning). */
  trimIds?: boolean;
  /** Cap on `issues` kept in the report (counts in `issueCounts` stay exact). Default 10,000. */
  maxIssues?: number;
}

export interface RowIssue {
  /**
   * 1-based physical line where the record starts (CSV header = line 1); 0 for whole-file notices.
   */
  line: number;
  /** 1-based data record number; 0 for whole-file notices. */
  row: number;
  field: string;
  code: IssueCode;
  severity: IssueSeverity;
  message: string;
}

/**
 * A problem that stops the whole file from being read (bad JSON, no id column, unreadable
 * encoding).
 */
export interface FileError {
  code: IssueCodeOf<'error'>;
  message: string;
  line?: number;
  column?: number;
}

/**
 * A column whose mapping cannot work for any row (a twin key the hub refuses, a path too deep):
 * reported once for the column, and nothing is written until the mapping changes.
 */
export interface MappingProblem {
  column: string;
  target: MappingTarget;
  code: IssueCodeOf<'error'>;
  message: string;
}

export interface ConversionReport {
  format: InputFormat;
  total: number;
  valid: number;
  invalid: number;
  blank: number;
  byMode: Partial<Record<ImportMode, number>>;
  byStatus: Partial<Record<DeviceStatus, number>>;
  issues: RowIssue[];
  columns: ColumnInfo[];
  unmappedColumns: string[];
  /** Exact number of issues per code, also for those left out of `issues` by the cap. */
  issueCounts?: Partial<Record<IssueCode, number>>;
  issuesTruncated?: boolean;
  /** Columns whose mapping fails for every row; non-empty means nothing is written. */
  mappingProblems?: MappingProblem[];
  /** Present when the file could not be read at all; then total is 0 and no output is produced. */
  fileError?: FileError;
  /** Rows that got keys generated here (keyPolicy 'generate-here'). */
  generatedKeys?: number;
  /**
   * Whether output was written: false when invalid rows exist and skipInvalid is off, or on a
   * fileError.
   */
  written?: boolean;
  /** Input recognised by its headers, e.g. an IoT Central export or a hub export. */
  source?: 'generic' | 'iot-central' | 'hub-export';
}

export interface ConversionProgress {
  records: number;
  bytesRead: number;
  totalBytes: number;
}
