import type { ImportMode } from '../model/import-mode';
import type { DeviceStatus } from '../model/export-import-device';

// The public shapes of the conversion engine: what the CLI, the worker and the UI exchange with core.

export type InputFormat = 'csv' | 'json' | 'ndjson';

/** A target field of the import record, or `ignore`. Dotted targets (`tags.site`, `properties.desired.a.b`) are free-form. */
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
  | 'iotEdge'
  | 'deviceScope'
  | 'parentScopes'
  | 'ignore'
  | `tags.${string}`
  | `properties.desired.${string}`;

/** Column name (as in the file) -> target. An explicit mapping overrides detection column by column. */
export type ColumnMapping = Record<string, MappingTarget>;

export interface ColumnInfo {
  column: string;
  detected: MappingTarget | null;
  samples: string[];
}

export type KeyPolicy = 'hub-generates' | 'generate-here';

export interface ConvertOptions {
  format: InputFormat | 'auto';
  defaultMode: ImportMode;
  defaultStatus: DeviceStatus;
  keyPolicy: KeyPolicy;
  mapping?: ColumnMapping;
  /** When true, invalid rows are left out of the output; otherwise any invalid row means no output at all. */
  skipInvalid: boolean;
}

export type IssueSeverity = 'error' | 'warning';

export interface RowIssue {
  /** 1-based physical line where the record starts (CSV header = line 1); 0 for whole-file notices. */
  line: number;
  /** 1-based data record number; 0 for whole-file notices. */
  row: number;
  field: string;
  code: string;
  severity: IssueSeverity;
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
}

export interface ConversionProgress {
  records: number;
  bytesRead: number;
  totalBytes: number;
}
