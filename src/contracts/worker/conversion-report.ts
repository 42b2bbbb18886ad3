import { z } from 'zod';
import { IMPORT_MODES } from '../../core/model/import-mode';
import { isMappingTarget } from '../../core/convert/detect-column-target';
import type { MappingTarget } from '../../core/convert/types';
import { ERROR_ISSUE_CODES, ISSUE_CODES } from '../../core/issues/issue-catalogue';
import type { IssueCode, IssueCodeOf } from '../../core/issues/issue-catalogue';

// zod mirrors of src/core/convert/types.ts, for checking what crosses the worker boundary.
const Count = z.number().int().nonnegative();
const IssueCodeSchema = z.enum(ISSUE_CODES as [IssueCode, ...IssueCode[]]);
const ErrorIssueCodeSchema = z.enum(
  ERROR_ISSUE_CODES as [IssueCodeOf<'error'>, ...IssueCodeOf<'error'>[]],
);

export const MappingTargetSchema = z.custom<MappingTarget>(
  (v) => typeof v === 'string' && isMappingTarget(v),
  'unknown mapping target',
);

export const ConvertOptionsSchema = z.object({
  format: z.enum(['auto', 'csv', 'json', 'ndjson']),
  defaultMode: z.enum(IMPORT_MODES),
  defaultStatus: z.enum(['enabled', 'disabled']),
  keyPolicy: z.enum(['hub-generates', 'generate-here']),
  mapping: z.record(z.string(), MappingTargetSchema).optional(),
  skipInvalid: z.boolean(),
  strictIds: z.boolean().optional(),
  oneKeyFix: z.enum(['refuse', 'generate-other', 'hub-generates-both']).optional(),
  trimIds: z.boolean().optional(),
  maxIssues: z.number().int().positive().optional(),
});

export const RowIssueSchema = z.object({
  line: Count,
  row: Count,
  field: z.string(),
  code: IssueCodeSchema,
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});

export const ColumnInfoSchema = z.object({
  column: z.string(),
  detected: MappingTargetSchema.nullable(),
  effective: MappingTargetSchema.nullable().optional(),
  samples: z.array(z.string()),
});

export const FileErrorSchema = z.object({
  code: ErrorIssueCodeSchema,
  message: z.string(),
  line: Count.optional(),
  column: Count.optional(),
});

export const MappingProblemSchema = z.object({
  column: z.string(),
  target: MappingTargetSchema,
  code: ErrorIssueCodeSchema,
  message: z.string(),
});

export const ConversionReportSchema = z.object({
  format: z.enum(['csv', 'json', 'ndjson']),
  total: Count,
  valid: Count,
  invalid: Count,
  blank: Count,
  byMode: z.partialRecord(z.enum(IMPORT_MODES), Count),
  byStatus: z.partialRecord(z.enum(['enabled', 'disabled']), Count),
  issues: z.array(RowIssueSchema),
  columns: z.array(ColumnInfoSchema),
  unmappedColumns: z.array(z.string()),
  issueCounts: z.partialRecord(IssueCodeSchema, Count).optional(),
  issuesTruncated: z.boolean().optional(),
  mappingProblems: z.array(MappingProblemSchema).optional(),
  fileError: FileErrorSchema.optional(),
  generatedKeys: Count.optional(),
  written: z.boolean().optional(),
  source: z.enum(['generic', 'iot-central', 'hub-export']).optional(),
});

export const ConversionProgressSchema = z.object({
  records: Count,
  bytesRead: Count,
  totalBytes: Count,
});
