import { z } from 'zod';
import {
  OutcomeMismatchSchema,
  PlanNoticeSchema,
  PlanOptionsSchema,
  PlanOutcomeSchema,
  PlanRowSchema,
  PlanSummarySchema,
  UndoNoticeSchema,
  UndoSummarySchema,
} from './plan-report';
import { IMPORT_MODES } from '../../core/model/import-mode';
import { RegistryIssueSchema } from './diff-messages';
import { WorkerFailedMessage } from './worker-failure';

// The plan worker's protocol. One `plan` request reads the import file twice (once for the device
// ids it touches, once to plan it) and the registry export once between the two; the worker then
// keeps the plan, so the table pages through rows, the undo file is written and the job's error
// log is checked without the rows crossing the boundary again. Every message carries the caller's
// requestId; both sides parse with these schemas.

const RequestId = z.string().min(1);
const Count = z.number().int().nonnegative();

export const PlanRequest = z.object({
  type: z.literal('plan'),
  requestId: RequestId,
  /** The converted import NDJSON (the conversion worker's output), or an import file as is. */
  importFile: z.instanceof(Blob),
  /** A registry export with keys (devices.txt). */
  registry: z.instanceof(Blob),
  options: PlanOptionsSchema,
  /**
   * Devices on the hub now (GET /api/hub): those beyond the snapshot's own count against the
   * device cap too.
   */
  hubDevices: Count.optional(),
});

/** A page of the kept plan's rows, optionally only some outcomes or ids starting with `idPrefix`. */
export const PlanRowsRequest = z.object({
  type: z.literal('rows'),
  requestId: RequestId,
  offset: Count,
  limit: z.number().int().positive().max(10_000),
  outcomes: z.array(PlanOutcomeSchema).optional(),
  idPrefix: z.string().optional(),
});

export const UndoRequest = z.object({ type: z.literal('undo'), requestId: RequestId });

/** After the job: the kept plan against the job's importErrors.log. */
export const CheckOutcomeRequest = z.object({
  type: z.literal('check'),
  requestId: RequestId,
  errorLog: z.instanceof(Blob),
});

export const ToPlanWorker = z.discriminatedUnion('type', [
  PlanRequest,
  PlanRowsRequest,
  UndoRequest,
  CheckOutcomeRequest,
]);
export type ToPlanWorker = z.infer<typeof ToPlanWorker>;

export const PlanProgressMessage = z.object({
  type: z.literal('progress'),
  requestId: RequestId,
  phase: z.enum(['scan', 'index', 'plan']),
  bytesRead: Count,
  totalBytes: Count,
  /** Running counts, during the `plan` phase. */
  summary: PlanSummarySchema.optional(),
});

export const PlanDoneMessage = z.object({
  type: z.literal('plan-done'),
  requestId: RequestId,
  summary: PlanSummarySchema,
  notices: z.array(PlanNoticeSchema),
  rows: Count,
  sent: Count,
  leftOut: Count,
  /** Rows sent with the registry's keys written in (a row left out keeps its keys anyway). */
  keysKeptSent: Count,
  after: z.object({ devices: Count, identities: Count }),
  /** The NDJSON to send to the hub: keys kept, unchanged rows left out. It may carry keys. */
  jobFile: z.instanceof(Blob),
  /** SHA-256 (hex) of jobFile and its lines per import mode, for the audit. */
  jobSha256: z.string().regex(/^[0-9a-f]{64}$/),
  jobByMode: z.partialRecord(z.enum(IMPORT_MODES), Count),
  registryIssues: z.array(RegistryIssueSchema),
  /** The first page of rows, so the table can show something at once. */
  firstRows: z.array(PlanRowSchema),
});

export const PlanRowsDoneMessage = z.object({
  type: z.literal('rows-done'),
  requestId: RequestId,
  /** Rows matching the filter, all pages together. */
  total: Count,
  rows: z.array(PlanRowSchema),
});

export const UndoDoneMessage = z.object({
  type: z.literal('undo-done'),
  requestId: RequestId,
  /** The undo NDJSON; it carries the snapshot's keys. */
  file: z.instanceof(Blob),
  summary: UndoSummarySchema,
  notices: z.array(UndoNoticeSchema),
});

export const CheckOutcomeDoneMessage = z.object({
  type: z.literal('check-done'),
  requestId: RequestId,
  /** Every row where plan and hub differ, and error lines no row accounts for. */
  mismatches: z.array(OutcomeMismatchSchema),
});

export const FromPlanWorker = z.discriminatedUnion('type', [
  PlanProgressMessage,
  PlanDoneMessage,
  PlanRowsDoneMessage,
  UndoDoneMessage,
  CheckOutcomeDoneMessage,
  WorkerFailedMessage,
]);
export type FromPlanWorker = z.infer<typeof FromPlanWorker>;
