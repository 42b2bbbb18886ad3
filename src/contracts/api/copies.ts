import { z } from 'zod';

// The copy of one hub into another (docs/bulk-flows.md, "Copy a hub into another", in the
// console): the proxy rewrites a finished export with keys of the source hub into a new import
// operation of the target hub, which the console then plans and starts like any import, and
// verifies afterwards by exporting the target and diffing the two exports.

export const CopyMode = z.enum(['create', 'createOrUpdate']);
export type CopyMode = z.infer<typeof CopyMode>;

/** POST /api/hubs/{targetHubId}/copies. */
export const CreateCopyRequest = z.object({
  sourceHubId: z.string().min(1).max(64),
  /** A completed export with keys of the source hub. */
  sourceExportOperationId: z.string().min(1).max(64),
  mode: CopyMode.default('create'),
});
export type CreateCopyRequest = z.infer<typeof CreateCopyRequest>;

/** Counts by reason of the lines left out or adjusted; each line is in the copy's report. */
export const CopyCounts = z.object({
  devices: z.number().int().nonnegative(),
  modules: z.number().int().nonnegative(),
  skipped: z.record(z.string(), z.number().int().nonnegative()),
  adjusted: z.record(z.string(), z.number().int().nonnegative()),
  /** Configurations written to the import's configurations.txt (imported with includeConfigurations). */
  configurations: z.number().int().nonnegative().optional(),
});
export type CopyCounts = z.infer<typeof CopyCounts>;

/** A difference the verification found, source -> target, as the diff names it. */
export const CopyDifference = z.object({
  id: z.string(),
  moduleId: z.string().optional(),
  kind: z.enum(['added', 'removed', 'changed']),
  fields: z.array(z.string()),
});
export type CopyDifference = z.infer<typeof CopyDifference>;

export const CopyVerificationState = z.discriminatedUnion('state', [
  /** The target's export with keys runs; ask again. */
  z.object({ state: z.literal('exporting'), exportOperationId: z.string() }),
  z.object({
    state: z.literal('done'),
    exportOperationId: z.string(),
    verifiedAt: z.string(),
    total: z.number().int().nonnegative(),
    identical: z.number().int().nonnegative(),
    runtimeKeysMadeByTarget: z.number().int().nonnegative(),
    differenceCount: z.number().int().nonnegative(),
    /** The first differences (at most COPY_DIFFERENCES_LISTED). */
    differences: z.array(CopyDifference),
    ok: z.boolean(),
    /** Present when the copy carried configurations. */
    configurations: z
      .object({
        total: z.number().int().nonnegative(),
        identical: z.number().int().nonnegative(),
        differences: z.array(
          z.object({
            id: z.string(),
            kind: z.enum(['added', 'removed', 'changed']),
            fields: z.array(z.string()),
          }),
        ),
      })
      .optional(),
    /** "100,000 of 100,000 identical", core's wording. */
    summary: z.string(),
  }),
  /** The target's export did not complete. */
  z.object({ state: z.literal('failed'), exportOperationId: z.string(), reason: z.string() }),
]);
export type CopyVerificationState = z.infer<typeof CopyVerificationState>;

export const COPY_DIFFERENCES_LISTED = 1_000;

/** One copy: the target hub's import operation with the copy's record. */
export const CopyResponse = z.object({
  /** The target hub's import operation that holds the rewritten devices.txt. */
  operationId: z.string(),
  sourceHubId: z.string(),
  targetHubId: z.string(),
  sourceExportOperationId: z.string(),
  mode: CopyMode,
  /** `rewriting` while the proxy writes devices.txt (or a rewrite cut short); `ready` to plan. */
  state: z.enum(['rewriting', 'ready']),
  createdAt: z.string(),
  counts: CopyCounts,
  /** The import's hub job once started (the console starts it like any import). */
  jobId: z.string().optional(),
  verification: CopyVerificationState.optional(),
});
export type CopyResponse = z.infer<typeof CopyResponse>;
