import { z } from 'zod';
import { JobStatus, JobType } from './jobs';

// The durable queue of operations waiting for the hub's one import/export job slot
// (docs/proxy.md, "Queue and monitor").

/** An entry's id is its place in the hub's enqueue sequence: decimal digits, oldest smallest. */
export const QUEUE_ENTRY_ID = /^[1-9]\d{0,12}$/;

/** `stopped`: a chunk of a run held back by its stop rule; like `failed` it holds no place. */
export const QueueEntryState = z.enum(['queued', 'starting', 'failed', 'stopped']);
export type QueueEntryState = z.infer<typeof QueueEntryState>;

export const QueueEntry = z.object({
  /** The hub whose slot the entry waits for; optional only so older fixtures still compile. */
  hubId: z.string().optional(),
  entryId: z.string().regex(QUEUE_ENTRY_ID),
  operationId: z.string(),
  kind: JobType,
  state: QueueEntryState,
  /** 1 for the next to start; null for an entry that failed to start (it waits for no slot). */
  position: z.number().int().positive().nullable(),
  enqueuedAt: z.string(),
  enqueuedBy: z.object({ name: z.string(), objectId: z.string() }),
  /** Devices the import sends to the hub, when known. */
  rows: z.number().int().nonnegative().nullable(),
  /**
   * Seconds until this entry's job is expected to end, from the rows ahead of it (the holder's
   * remaining share included) and the throughput measured on this hub; null when unknown.
   */
  etaSeconds: z.number().nonnegative().nullable(),
  /** Why the worker gave up starting it (a stable API error code and its message). */
  failure: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** The run a chunk belongs to (docs/proxy.md, "Chunked imports"); absent for a single import. */
  run: z.object({ runId: z.string(), chunk: z.number().int(), of: z.number().int() }).optional(),
});
export type QueueEntry = z.infer<typeof QueueEntry>;

/** The job holding the hub's slot, whoever started it (the console or another tool). */
export const SlotHolder = z.object({
  jobId: z.string(),
  type: JobType,
  status: JobStatus,
  progress: z.number().min(0).max(100),
  startTimeUtc: z.string().nullable(),
  /** The console's operation when it started the job; null for a job started outside it. */
  operationId: z.string().nullable(),
});
export type SlotHolder = z.infer<typeof SlotHolder>;

export const QueueResponse = z.object({
  /** The hub this queue belongs to (each hub has its own queue and slot). */
  hubId: z.string().optional(),
  entries: z.array(QueueEntry),
  holder: SlotHolder.nullable(),
  /** Devices per second of the completed imports recorded on this hub; null before the first. */
  throughputRowsPerSecond: z.number().positive().nullable(),
});
export type QueueResponse = z.infer<typeof QueueResponse>;

export const EnqueueResponse = z.object({ entry: QueueEntry });
export type EnqueueResponse = z.infer<typeof EnqueueResponse>;
