import { z } from 'zod';
import { RegistryIssueSchema } from '../../../contracts/worker/diff-messages';

// The registry browser's protocol with the worker: the page streams devices.txt in as bytes, the
// worker parses and keeps every line, and hands back key-free row summaries in batches. Details
// and downloads are asked for by record index. Both sides parse with these schemas.

const RequestId = z.string().min(1);
const Count = z.number().int().nonnegative();

export const RegistryRowSchema = z.object({
  index: Count,
  id: z.string(),
  moduleId: z.string().optional(),
  status: z.string(),
  authType: z.string(),
  edge: z.boolean(),
  tags: z.array(z.tuple([z.string(), z.string()])),
});

export const BrowseChunk = z.object({ type: z.literal('browse-chunk'), bytes: z.instanceof(Uint8Array) });
export const BrowseEnd = z.object({ type: z.literal('browse-end') });
export const BrowseLine = z.object({ type: z.literal('browse-line'), requestId: RequestId, index: Count });
export const BrowseDownload = z.object({
  type: z.literal('browse-download'),
  requestId: RequestId,
  format: z.enum(['csv', 'ndjson']),
  /** Record indices to include, in order; all records when absent. */
  indices: z.instanceof(Int32Array).optional(),
});

export const ToBrowseWorker = z.discriminatedUnion('type', [BrowseChunk, BrowseEnd, BrowseLine, BrowseDownload]);
export type ToBrowseWorker = z.infer<typeof ToBrowseWorker>;

export const BrowseRows = z.object({ type: z.literal('browse-rows'), rows: z.array(RegistryRowSchema), bytesProcessed: Count });
export const BrowseDone = z.object({
  type: z.literal('browse-done'),
  issues: z.array(RegistryIssueSchema),
  issueCounts: z.record(z.string(), Count),
  lines: Count,
  records: Count,
});
export const BrowseLineDone = z.object({ type: z.literal('browse-line-done'), requestId: RequestId, text: z.string() });
export const BrowseDownloadDone = z.object({ type: z.literal('browse-download-done'), requestId: RequestId, file: z.instanceof(Blob) });
export const BrowseFailed = z.object({ type: z.literal('browse-failed'), requestId: RequestId.optional(), message: z.string() });

export const FromBrowseWorker = z.discriminatedUnion('type', [BrowseRows, BrowseDone, BrowseLineDone, BrowseDownloadDone, BrowseFailed]);
export type FromBrowseWorker = z.infer<typeof FromBrowseWorker>;
