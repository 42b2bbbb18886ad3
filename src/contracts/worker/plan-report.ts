import { z } from 'zod';
import { IMPORT_MODES } from '../../core/model/import-mode';
import { PLAN_FAILURES, PLAN_OUTCOMES } from '../../core/plan/plan-types';
import type {
  PlanFailReason,
  PlanNoticeCode,
  PlanOutcome,
  PlanRowNote,
} from '../../core/plan/plan-types';
import type { UndoNoticeCode } from '../../core/undo/undo-types';

// zod mirrors of the plan engine's results (src/core/plan/plan-types.ts, src/core/undo), for
// checking what crosses the plan worker's boundary. Rows carry ids, field names and codes, never a
// key value.
const Count = z.number().int().nonnegative();

export const PlanOutcomeSchema = z.enum(PLAN_OUTCOMES as [PlanOutcome, ...PlanOutcome[]]);

const FAIL_REASONS = Object.keys(PLAN_FAILURES) as [PlanFailReason, ...PlanFailReason[]];
const ROW_NOTES: readonly PlanRowNote[] = [
  'scope-generated',
  'system-modules-created',
  'modules-deleted',
  'children-keep-scope',
  'keys-unknown',
  'authentication-not-compared',
];
const PLAN_NOTICES: readonly PlanNoticeCode[] = [
  'keys-kept',
  'keys-rotated',
  'keys-unknown',
  'unchanged-left-out',
  'scope-generated',
  'system-modules-created',
  'modules-deleted',
  'children-keep-scope',
  'authentication-not-compared',
  'registry-issues',
  'over-device-cap',
  'keys-replaced',
];
const UNDO_NOTICES: readonly UndoNoticeCode[] = [
  'scope-regenerated',
  'parent-link-lost',
  'keys-not-restorable',
  'system-modules-restored',
  'system-modules-kept',
];

export const PlanRowSchema = z.object({
  line: z.number().int().positive(),
  id: z.string(),
  moduleId: z.string().optional(),
  mode: z.enum(IMPORT_MODES).optional(),
  outcome: PlanOutcomeSchema,
  errorCode: z.number().int().optional(),
  reason: z.enum(FAIL_REASONS).optional(),
  message: z.string().optional(),
  fields: z.array(z.string()).optional(),
  keysRotated: z.boolean().optional(),
  keysKept: z.boolean().optional(),
  notes: z.array(z.enum(ROW_NOTES as [PlanRowNote, ...PlanRowNote[]])).optional(),
  sent: z.boolean(),
});

export const PlanSummarySchema = z.object({
  create: Count,
  update: Count,
  unchanged: Count,
  delete: Count,
  fail: Count,
});

export const PlanNoticeSchema = z.object({
  code: z.enum(PLAN_NOTICES as [PlanNoticeCode, ...PlanNoticeCode[]]),
  count: Count,
  message: z.string(),
});

export const UndoSummarySchema = z.object({ delete: Count, recreate: Count, restore: Count });

export const UndoNoticeSchema = z.object({
  code: z.enum(UNDO_NOTICES as [UndoNoticeCode, ...UndoNoticeCode[]]),
  count: Count,
  message: z.string(),
});

export const OutcomeMismatchSchema = z.object({
  line: z.number().int().positive().optional(),
  id: z.string(),
  moduleId: z.string().optional(),
  planned: PlanOutcomeSchema.optional(),
  plannedCode: z.number().int().optional(),
  actualCode: z.number().int().nullable(),
});

/** A row's identity for a chosen key rotation: the worker turns these into `rotateKeysOf`. */
export const DeviceRefSchema = z.object({
  id: z.string().min(1),
  moduleId: z.string().min(1).optional(),
});

export const PlanOptionsSchema = z.object({
  deviceCap: z.number().int().positive().optional(),
  keepKeys: z.boolean().optional(),
  rotateKeysOf: z.array(DeviceRefSchema).optional(),
  leaveOutUnchanged: z.boolean().optional(),
  batchLines: z.number().int().nonnegative().optional(),
  strictIds: z.boolean().optional(),
  applyReported: z.boolean().optional(),
});
