import { z } from 'zod';
import { REGISTRY_ISSUE_CODES } from '../../core/registry/registry-types';
import { RequestIdSchema, WorkerFailedMessage } from './worker-failure';

// The diff worker's protocol. The worker keeps both parsed snapshots after `diff`, so `describe`,
// `plan` and `download` only name a device or a format; nothing heavy crosses the boundary twice.
// Every message carries the caller's requestId so answers can be matched to questions. Both sides
// parse with these schemas (docs/architecture.md, "Workers"); a failure is the shared
// WorkerFailedMessage with its code (contracts/worker/worker-failure.ts).

const RequestId = RequestIdSchema;
const Side = z.enum(['a', 'b']);

export const DiffOptionsSchema = z.object({
  includeVersionFields: z.boolean().default(false),
  includeReported: z.boolean().default(false),
});

export const DiffRequest = z.object({
  type: z.literal('diff'),
  requestId: RequestId,
  /**
   * Export files (`devices.txt`) or NDJSON produced by the conversion worker: both are
   * ExportImportDevice lines.
   */
  a: z.instanceof(Blob),
  b: z.instanceof(Blob),
  options: DiffOptionsSchema,
});

export const DescribeRequest = z.object({
  type: z.literal('describe'),
  requestId: RequestId,
  id: z.string().min(1),
  moduleId: z.string().min(1).optional(),
});

export const PlanRequest = z.object({ type: z.literal('plan'), requestId: RequestId });

export const DownloadDiffRequest = z.object({
  type: z.literal('download'),
  requestId: RequestId,
  format: z.enum(['csv', 'json']),
});

export const ToDiffWorker = z.discriminatedUnion('type', [
  DiffRequest,
  DescribeRequest,
  PlanRequest,
  DownloadDiffRequest,
]);
export type ToDiffWorker = z.infer<typeof ToDiffWorker>;

const Count = z.number().int().nonnegative();

export const DiffSummarySchema = z.object({
  added: Count,
  removed: Count,
  changed: Count,
  unchanged: Count,
});

export const DeviceChangeSchema = z.object({
  id: z.string(),
  moduleId: z.string().optional(),
  kind: z.enum(['added', 'removed', 'changed']),
  fields: z.array(z.string()),
});

export const NoticeSchema = z.object({ code: z.string(), count: Count, message: z.string() });

const RegistryIssueCodeSchema = z.enum(REGISTRY_ISSUE_CODES);

/** Issues per code of one reading, exact also when the issue list was capped. */
export const RegistryIssueCountsSchema = z.partialRecord(RegistryIssueCodeSchema, Count);

export const RegistryIssueSchema = z.object({
  line: Count,
  code: RegistryIssueCodeSchema,
  severity: z.enum(['error', 'warning', 'notice']),
  message: z.string(),
});

export const RegistryStatsSchema = z.object({
  lines: Count,
  devices: Count,
  modules: Count,
  withKeys: Count,
  withoutAuthentication: Count,
  duplicates: Count,
  invalidLines: Count,
});

const SideReport = z.object({
  issues: z.array(RegistryIssueSchema),
  issueCounts: RegistryIssueCountsSchema,
  stats: RegistryStatsSchema,
});

export const DiffProgressMessage = z.object({
  type: z.literal('progress'),
  requestId: RequestId,
  side: Side,
  bytesRead: Count,
  totalBytes: Count,
  records: Count,
});

export const DiffDoneMessage = z.object({
  type: z.literal('diff-done'),
  requestId: RequestId,
  summary: DiffSummarySchema,
  changes: z.array(DeviceChangeSchema),
  notices: z.array(NoticeSchema),
  a: SideReport,
  b: SideReport,
});

/** Key values are already replaced by the mask inside the worker; rows never carry a key. */
export const FieldRowSchema = z.object({
  path: z.string(),
  a: z.unknown(),
  b: z.unknown(),
  changed: z.boolean(),
  compared: z.boolean(),
});

export const DescribeDoneMessage = z.object({
  type: z.literal('describe-done'),
  requestId: RequestId,
  rows: z.array(FieldRowSchema),
});

export const PlanDoneMessage = z.object({
  type: z.literal('plan-done'),
  requestId: RequestId,
  /** NDJSON import file, built from batched parts; it carries A's keys when A's export had them. */
  file: z.instanceof(Blob),
  counts: z.object({ create: Count, delete: Count, createOrUpdate: Count, updateTwin: Count }),
  notices: z.array(NoticeSchema),
});

export const DownloadDoneMessage = z.object({
  type: z.literal('download-done'),
  requestId: RequestId,
  file: z.instanceof(Blob),
});

export const FromDiffWorker = z.discriminatedUnion('type', [
  DiffProgressMessage,
  DiffDoneMessage,
  DescribeDoneMessage,
  PlanDoneMessage,
  DownloadDoneMessage,
  WorkerFailedMessage,
]);
export type FromDiffWorker = z.infer<typeof FromDiffWorker>;
