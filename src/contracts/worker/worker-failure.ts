import { z } from 'zod';

// Every way a worker can fail, as a stable code: the worker names it in a `failed` message, the
// page's channel names it for a crash, a protocol breach or a cancel, and the UI's words table
// (src/web/lib/worker-failure-words.ts) says what it means. The message beside the code is for
// logs and details, never the only explanation.
export const WORKER_FAILURE_CODES = [
  /** The worker died: its script did not load, it ran out of memory, or it threw uncaught. */
  'WORKER_CRASHED',
  /** A message did not match its schema (either direction): a version mismatch or a bug. */
  'WORKER_PROTOCOL',
  /** The page stopped the work (a new run replaced it, or the page was left). */
  'CANCELLED',
  /** The browser could not read the file or Blob the worker was given. */
  'FILE_UNREADABLE',
  /** The conversion stopped on an error of its own (not a row problem: those are in the report). */
  'CONVERSION_FAILED',
  /** The SHA-256s of the source and the converted file could not be computed. */
  'CHECKSUM_FAILED',
  /** The diff worker was asked about a diff before one ran. */
  'NO_DIFF_YET',
  /** The registry worker was asked for rows before a query ran. */
  'NO_QUERY_YET',
  /** A registry download named a filter that has since been replaced. */
  'FILTER_CHANGED',
  /** The plan worker was asked for rows, an undo or a check before a plan ran. */
  'NO_PLAN_YET',
  /** The record or device asked about is not in the file. */
  'RECORD_NOT_FOUND',
  /** Anything else that went wrong inside the worker. */
  'WORKER_INTERNAL',
] as const;
export type WorkerFailureCode = (typeof WORKER_FAILURE_CODES)[number];

export const WorkerFailureSchema = z.object({
  code: z.enum(WORKER_FAILURE_CODES),
  message: z.string(),
});
export type WorkerFailure = z.infer<typeof WorkerFailureSchema>;

/** Correlates an answer with its request; the page's channel numbers them. */
export const RequestIdSchema = z.string().min(1);

/**
 * The one failure message every worker sends: for a request when `requestId` is set, else for the
 * worker as a whole (an event that is not an answer, or a message it could not read).
 */
export const WorkerFailedMessage = z.object({
  type: z.literal('failed'),
  requestId: RequestIdSchema.optional(),
  error: WorkerFailureSchema,
});
export type WorkerFailedMessage = z.infer<typeof WorkerFailedMessage>;
