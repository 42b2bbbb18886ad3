import { z } from 'zod';
import { QUEUE_ENTRY_ID } from '../../contracts/api/queue';
import { isOperationId } from '../storage/operation-names';

// A queue entry is a row of the hub's partition in the operations index (docs/proxy.md, "Queue and
// monitor"). Its row key is `q~` and the enqueue sequence number padded to 13 digits, so the
// service lists the entries oldest first, which is the order the worker starts them in: Storage
// Queues promise no order, the index does. `q~` lies outside the list (`t~`), operation (`o~`),
// job (`j~`) and claim (`x~`) ranges, so no other reader meets these rows.

export const QUEUE_ROW_RANGE = { from: 'q~', to: 'q~~' } as const;
export const QUEUE_SEQUENCE_ROW_KEY = 'x~queue-sequence';

export const queueRowKey = (entryId: string): string => `q~${entryId.padStart(13, '0')}`;

export const QueueEntryRow = z.object({
  partitionKey: z.string(),
  rowKey: z.string(),
  entryId: z.string().regex(QUEUE_ENTRY_ID),
  operationId: z.string().refine(isOperationId),
  kind: z.enum(['import', 'export']),
  state: z.enum(['queued', 'starting', 'failed', 'stopped']),
  enqueuedAt: z.string(),
  enqueuedByOid: z.string(),
  enqueuedByName: z.string(),
  /** Devices the import sends to the hub (its valid rows), or -1 when unknown. */
  rows: z.number().int().min(-1),
  /** The worker starting it and since when; a claim older than the lease may be taken over. */
  claimedBy: z.string().optional(),
  claimedAt: z.string().optional(),
  failureCode: z.string().optional(),
  failureMessage: z.string().optional(),
  /**
   * A chunk of a run (docs/proxy.md, "Chunked imports"): which run, its place, the stop rule, and
   * the chunk before it, whose error share decides whether this one starts. `skipStopCheck` is set
   * on the first chunk a resume queues again: the admin has seen the chunk before and goes on.
   */
  runId: z.string().optional(),
  chunk: z.number().int().positive().optional(),
  chunkCount: z.number().int().positive().optional(),
  stopPercent: z.number().min(0).max(100).optional(),
  previousOperationId: z.string().optional(),
  skipStopCheck: z.boolean().optional(),
  /** Why the stop rule held this chunk back (state `stopped`). */
  stopReason: z.string().optional(),
});
export type QueueEntryRow = z.infer<typeof QueueEntryRow>;

export interface StoredQueueEntry {
  row: QueueEntryRow;
  etag: string;
}

/** The message that stands for an entry in the storage queue. */
export const QueueMessageBody = z.object({ entryId: z.string().regex(QUEUE_ENTRY_ID) });

/** The entry in the table's own shape, or undefined for a row this proxy did not write. */
export function fromQueueEntity(raw: unknown): StoredQueueEntry | undefined {
  const row = QueueEntryRow.safeParse(raw);
  const etag = (raw as { etag?: unknown }).etag;
  if (!row.success || typeof etag !== 'string') return undefined;
  return { row: row.data, etag };
}

/** A row without its claim: what a released or failed entry keeps. */
export function withoutClaim(row: QueueEntryRow): QueueEntryRow {
  const { claimedBy: _by, claimedAt: _at, ...rest } = row;
  return rest;
}
