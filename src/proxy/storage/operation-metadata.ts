import { z } from 'zod';
import { CopyCounts, CopyMode } from '../../contracts/api/copies';
import { RowCounts } from '../../contracts/api/jobs';

// The audit trail of one operation, stored as its container's metadata so it outlives the hub's
// 30-day job history. Metadata names must be C# identifiers and values travel as HTTP headers, so
// every value is stored percent-encoded (file names may be any Unicode) and parsed back with zod.

export const OperationMetadata = z.object({
  kind: z.enum(['import', 'export']),
  /**
   * The hub (its id in the proxy's configuration) the operation belongs to; absent on records
   * made before several hubs, which belong to the first configured hub (hubs/hub-scoped-storage.ts).
   */
  hubId: z.string().optional(),
  createdAt: z.string(),
  createdByName: z.string(),
  createdByOid: z.string(),
  fileName: z.string().optional(),
  fileSize: z.number().int().nonnegative().optional(),
  sourceSha256: z.string().optional(),
  sourceExtension: z.string().optional(),
  convertedSize: z.number().int().nonnegative().optional(),
  convertedSha256: z.string().optional(),
  rowCounts: RowCounts.optional(),
  byMode: z.record(z.string(), z.number()).optional(),
  /** Source columns mapped to a device key (CreateImportRequest.keyColumns): masked for support. */
  keyColumns: z.array(z.string()).optional(),
  jobId: z.string().optional(),
  jobStartedAt: z.string().optional(),
  jobStartedByOid: z.string().optional(),
  /**
   * Written before the hub job is created (operations/start-once.ts) and kept once it exists; cleared only
   * when the hub definitely refused the job. A claim without a jobId means a start may have created
   * a job it could not record: the next start, poll or list adopts it instead of creating another.
   */
  startClaimedAt: z.string().optional(),
  startClaimedByOid: z.string().optional(),
  /**
   * The start time of the newest job the hub had when the claim was made: a job the claim created
   * must be newer, which rules out a job someone else started just before (find-claimed-job.ts).
   */
  startClaimedAfterJobAt: z.string().optional(),
  /** When a later request recorded the job a claimed start had created but not recorded. */
  jobAdoptedAt: z.string().optional(),
  /**
   * devices.txt as the proxy itself measured it (streamed from storage) just before the start, after
   * the upload grants were revoked: the figures the audit can vouch for, whatever the browser said.
   */
  verifiedSize: z.number().int().nonnegative().optional(),
  verifiedSha256: z.string().optional(),
  /**
   * The job's terminal status and end, copied from the hub once seen, so they outlive its 30-day
   * history.
   */
  finalStatus: z.enum(['completed', 'failed', 'cancelled']).optional(),
  jobEndedAt: z.string().optional(),
  failureReason: z.string().optional(),
  excludeKeysInExport: z.boolean().optional(),
  includeConfigurations: z.boolean().optional(),
  /**
   * Records in a completed export's devices.txt, counted in the background after the job ends
   * (count-export-records.ts). Absent until a count has finished; a crashed count simply leaves
   * them absent.
   */
  deviceCount: z.number().int().nonnegative().optional(),
  moduleCount: z.number().int().nonnegative().optional(),
  /** Lines of the import error log, counted once the job is terminal. */
  errorLineCount: z.number().int().nonnegative().optional(),
  /** A chunk of a chunked import (docs/proxy.md, "Chunked imports"): its run and place. */
  run: z
    .object({
      runId: z.string(),
      chunk: z.number().int().positive(),
      of: z.number().int().positive(),
    })
    .optional(),
  /** The admin's optional label for the operation. */
  label: z.string().optional(),
  /**
   * True when a blob in the container may hold device keys (imports with keys, exports with keys).
   */
  keysInside: z.boolean().optional(),
  /**
   * The import file holds keys made for it (a key regeneration): its files are deleted when the
   * job ends (delete-new-keys.ts), and `newKeysDeletedAt` says when that was done.
   */
  newKeysInside: z.boolean().optional(),
  newKeysDeletedAt: z.string().optional(),
  /**
   * An import's backup (docs/proxy.md "Backup and undo files"): when the plan's snapshot was
   * taken, when the proxy stops serving backup.txt and undo.ndjson, and undo.ndjson's size as
   * seen when the job ended (absent until then, or when it was never uploaded).
   */
  /**
   * An import written by the proxy from another hub's export (copies/create-copy.ts): where from,
   * in which mode, and what the rewrite wrote, left out and adjusted. `rewriting` until
   * devices.txt and the report are complete; a copy left `rewriting` by a crash is never started.
   */
  copy: z
    .object({
      sourceHubId: z.string(),
      sourceExportOperationId: z.string(),
      mode: CopyMode,
      state: z.enum(['rewriting', 'ready']),
      counts: CopyCounts.optional(),
    })
    .optional(),
  /**
   * An import written by the proxy to delete every device of its hub (copies/create-delete-all.ts)
   * from this export, which is its backup; `configurations` once they were deleted after the job.
   */
  deleteAll: z
    .object({
      exportOperationId: z.string(),
      state: z.enum(['writing', 'ready']),
      devices: z.number().int().nonnegative().optional(),
      modules: z.number().int().nonnegative().optional(),
      configurations: z
        .object({
          deletedAt: z.string(),
          deleted: z.number().int().nonnegative(),
          absent: z.number().int().nonnegative(),
        })
        .optional(),
    })
    .optional(),
  /** The copy's verification in progress or done; its result is the blob copy-verification.json. */
  copyVerification: z
    .object({
      exportOperationId: z.string(),
      state: z.enum(['exporting', 'done', 'failed']),
    })
    .optional(),
  backup: z
    .object({
      snapshotTakenAt: z.string(),
      expiresAt: z.string(),
      undoSize: z.number().int().nonnegative().optional(),
      /** When the retention sweep deleted the files (cleanup-expired-backups.ts). */
      deletedAt: z.string().optional(),
    })
    .optional(),
});
export type OperationMetadata = z.infer<typeof OperationMetadata>;

const JSON_FIELDS = new Set([
  'fileSize',
  'convertedSize',
  'verifiedSize',
  'rowCounts',
  'byMode',
  'keyColumns',
  'excludeKeysInExport',
  'includeConfigurations',
  'keysInside',
  'newKeysInside',
  'deviceCount',
  'moduleCount',
  'errorLineCount',
  'run',
  'backup',
  'copy',
  'copyVerification',
  'deleteAll',
]);

export function toContainerMetadata(metadata: OperationMetadata): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(metadata)) {
    if (value === undefined) continue;
    const text = JSON_FIELDS.has(name) ? JSON.stringify(value) : String(value);
    out[name.toLowerCase()] = encodeURIComponent(text);
  }
  return out;
}

/**
 * Reads metadata back; undefined when the container was not made by this proxy (or was tampered
 * with).
 */
export function fromContainerMetadata(
  raw: Record<string, string> | undefined,
): OperationMetadata | undefined {
  if (!raw) return undefined;
  const byLower = new Map(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), v]));
  const candidate: Record<string, unknown> = {};
  for (const name of Object.keys(OperationMetadata.shape)) {
    const value = byLower.get(name.toLowerCase());
    if (value === undefined) continue;
    try {
      const text = decodeURIComponent(value);
      candidate[name] = JSON_FIELDS.has(name) ? (JSON.parse(text) as unknown) : text;
    } catch {
      return undefined;
    }
  }
  const parsed = OperationMetadata.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}
