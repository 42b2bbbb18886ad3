import { z } from 'zod';
import { RegistryIssueCountsSchema, RegistryIssueSchema } from './diff-messages';
import { RequestIdSchema, WorkerFailedMessage } from './worker-failure';

// The registry browser's protocol with the worker: the page streams devices.txt in as bytes; the
// worker parses it and keeps every line and a compact, key-free summary of every record. The page
// then asks questions: how many records match a filter (the worker keeps the match list), which
// rows sit at positions offset..offset+limit of that list (only the rows in view cross over), one
// record's line by index, a download of the matches, the import of an action on the matches. Both
// sides parse with these schemas; a failure is the shared WorkerFailedMessage
// (contracts/worker/worker-failure.ts).

const RequestId = RequestIdSchema;
const Count = z.number().int().nonnegative();
/** Numbers each query of one page; answers for an older query are stale and dropped. */
const QueryId = z.number().int().nonnegative();

export const RegistryRowSchema = z.object({
  index: Count,
  id: z.string(),
  moduleId: z.string().optional(),
  status: z.string(),
  authType: z.string(),
  edge: z.boolean(),
  tags: z.array(z.tuple([z.string(), z.string()])),
});

export const RegistryFilterSchema = z.object({
  /** Substring of the device id (a prefix is a substring too); case-insensitive. */
  search: z.string(),
  /** '' for any. */
  status: z.string(),
  /** '' for any; 'unknown' for records exported without authentication. */
  authType: z.string(),
  edge: z.enum(['any', 'edge', 'not-edge']),
  /** A tag value, or `name=value` for one tag; case-insensitive, exact. */
  tag: z.string(),
  /**
   * A selection the hub made (a hub query, or devices with no activity since a date,
   * docs/bulk-flows.md): only device records whose id is one of these pass, exactly as written.
   * `label` says in words what selected them; the ids are at most the proxy's cap.
   */
  hubSelection: z
    .object({
      label: z.string(),
      /** When the hub answered: two answers to the same words are two selections. */
      takenAt: z.string(),
      deviceIds: z.array(z.string()).max(10_000),
    })
    .optional(),
});
export type RegistryFilter = z.infer<typeof RegistryFilterSchema>;

export const BrowseChunk = z.object({
  type: z.literal('browse-chunk'),
  bytes: z.instanceof(Uint8Array),
});
export const BrowseEnd = z.object({ type: z.literal('browse-end') });
export const BrowseQuery = z.object({
  type: z.literal('browse-query'),
  requestId: RequestId,
  queryId: QueryId,
  filter: RegistryFilterSchema,
});
export const BrowseWindow = z.object({
  type: z.literal('browse-window'),
  requestId: RequestId,
  queryId: QueryId,
  offset: Count,
  limit: z.number().int().min(1).max(1000),
});
export const BrowseLine = z.object({
  type: z.literal('browse-line'),
  requestId: RequestId,
  index: Count,
});
export const BrowseDownload = z.object({
  type: z.literal('browse-download'),
  requestId: RequestId,
  format: z.enum(['csv', 'ndjson']),
  /** The matches of this query (it must be the worker's current one); all records when absent. */
  queryId: QueryId.optional(),
});

/** The import that applies one action to the matches (docs/bulk-flows.md, "Act on a selection"). */
export const SelectionActionSchema = z.enum([
  'disable',
  'enable',
  'delete',
  'swap-keys',
  'regenerate-primary',
  'regenerate-secondary',
  'regenerate-both',
]);
export const BrowseAct = z.object({
  type: z.literal('browse-act'),
  requestId: RequestId,
  action: SelectionActionSchema,
  /** The matches of this query (it must be the worker's current one); all records when absent. */
  queryId: QueryId.optional(),
});

export const ToBrowseWorker = z.discriminatedUnion('type', [
  BrowseChunk,
  BrowseEnd,
  BrowseQuery,
  BrowseWindow,
  BrowseLine,
  BrowseDownload,
  BrowseAct,
]);
export type ToBrowseWorker = z.infer<typeof ToBrowseWorker>;

export const BrowseProgress = z.object({
  type: z.literal('browse-progress'),
  bytesProcessed: Count,
  records: Count,
});
export const BrowseDone = z.object({
  type: z.literal('browse-done'),
  issues: z.array(RegistryIssueSchema),
  issueCounts: RegistryIssueCountsSchema,
  lines: Count,
  records: Count,
});
export const BrowseQueryDone = z.object({
  type: z.literal('browse-query-done'),
  requestId: RequestId,
  queryId: QueryId,
  /** Records matching the filter, out of `records` read so far. */
  matches: Count,
  records: Count,
  /**
   * What the status and auth-type filters offer: the values read so far ('unknown' = no
   * authentication).
   */
  statuses: z.array(z.string()),
  authTypes: z.array(z.string()),
});
export const BrowseWindowDone = z.object({
  type: z.literal('browse-window-done'),
  requestId: RequestId,
  /** The worker's current query; when it is not the one asked about, `rows` is empty. */
  queryId: QueryId,
  offset: Count,
  rows: z.array(RegistryRowSchema),
});
export const BrowseLineDone = z.object({
  type: z.literal('browse-line-done'),
  requestId: RequestId,
  text: z.string(),
});
export const BrowseDownloadDone = z.object({
  type: z.literal('browse-download-done'),
  requestId: RequestId,
  file: z.instanceof(Blob),
});
export const BrowseActDone = z.object({
  type: z.literal('browse-act-done'),
  requestId: RequestId,
  /** The import NDJSON, one line per identity the action applies to. */
  file: z.instanceof(Blob),
  written: Count,
  /** Identities left out, counted by the reason (selectionActionLine's words). */
  leftOut: z.record(z.string(), Count),
  /**
   * A key regeneration's new keys, CSV `id,primaryKey,secondaryKey`: offered to the admin once as
   * a download, never shown (docs/bulk-flows.md, "Regenerate keys").
   */
  newKeys: z.instanceof(Blob).optional(),
});
export const FromBrowseWorker = z.discriminatedUnion('type', [
  BrowseProgress,
  BrowseDone,
  BrowseQueryDone,
  BrowseWindowDone,
  BrowseLineDone,
  BrowseDownloadDone,
  BrowseActDone,
  WorkerFailedMessage,
]);
export type FromBrowseWorker = z.infer<typeof FromBrowseWorker>;
