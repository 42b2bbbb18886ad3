import { z } from 'zod';
import { JobStatus } from './jobs';

// A chunked import: one converted file split by the proxy into sequential imports of at most N
// devices, each queued, with a stop rule (docs/proxy.md, "Chunked imports").

/** A run's id: 20 lowercase base32 characters. */
export const RUN_ID = /^[a-z2-7]{20}$/;
/** The most chunks one run may have: every chunk is a queue entry and an operation. */
export const MAX_RUN_CHUNKS = 500;
export const DEFAULT_CHUNK_SIZE = 100_000;

/** POST /api/imports/{operationId}/chunks. */
export const CreateRunRequest = z.object({
  /** Devices per chunk; the last chunk has the rest, the first also every edge device. */
  chunkSize: z.number().int().min(1).max(1_000_000).default(DEFAULT_CHUNK_SIZE),
  /** The run stops when more than this share of a chunk's rows fail. */
  stopPercent: z.number().min(0).max(100).default(10),
});
export type CreateRunRequest = z.infer<typeof CreateRunRequest>;

export const RunChunkState = z.enum([
  /** Waiting in the queue (or being started). */
  'queued',
  /** Its hub job runs or ran: see `jobStatus`. */
  'started',
  /** Held back by the stop rule; "Resume" queues it again. */
  'stopped',
  /** The queue gave up starting it (see `failure`). */
  'failed-to-start',
]);
export type RunChunkState = z.infer<typeof RunChunkState>;

export const RunChunk = z.object({
  chunk: z.number().int().positive(),
  operationId: z.string(),
  rows: z.number().int().nonnegative(),
  state: RunChunkState,
  jobId: z.string().nullable(),
  jobStatus: JobStatus.nullable(),
  /** Lines of the chunk's import error log once counted; null before. */
  errorLineCount: z.number().int().nonnegative().nullable(),
  /** Why the run stopped at this chunk, or why it could not start. */
  reason: z.string().nullable(),
});
export type RunChunk = z.infer<typeof RunChunk>;

export const RunResponse = z.object({
  /** The hub the run belongs to (docs/proxy.md, "Several hubs"). */
  hubId: z.string().optional(),
  runId: z.string().regex(RUN_ID),
  sourceOperationId: z.string(),
  fileName: z.string().nullable(),
  chunkSize: z.number().int().positive(),
  stopPercent: z.number().min(0).max(100),
  createdAt: z.string(),
  createdBy: z.object({ name: z.string(), objectId: z.string() }),
  state: z.enum(['running', 'stopped', 'completed']),
  chunks: z.array(RunChunk),
  totals: z.object({
    rows: z.number().int().nonnegative(),
    /** Rows of the chunks whose job has ended. */
    rowsDone: z.number().int().nonnegative(),
    errorLines: z.number().int().nonnegative(),
  }),
});
export type RunResponse = z.infer<typeof RunResponse>;
