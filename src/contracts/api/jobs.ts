import { z } from 'zod';

export const JobType = z.enum(['import', 'export']);
export type JobType = z.infer<typeof JobType>;

export const JobStatus = z.enum([
  'unknown',
  'enqueued',
  'running',
  'completed',
  'failed',
  'cancelled',
]);
export type JobStatus = z.infer<typeof JobStatus>;

export const TERMINAL_JOB_STATUSES: readonly JobStatus[] = ['completed', 'failed', 'cancelled'];

export const RowCounts = z.object({
  total: z.number().int().nonnegative(),
  valid: z.number().int().nonnegative(),
  invalid: z.number().int().nonnegative(),
  blank: z.number().int().nonnegative(),
});
export type RowCounts = z.infer<typeof RowCounts>;

export const Actor = z.object({ name: z.string(), objectId: z.string() });
export type Actor = z.infer<typeof Actor>;

/**
 * One operation as the console shows it: the hub's job merged with the audit metadata of the
 * operation's container. Either side may be missing (hub history is 30 days; a container whose job
 * never started has no hub job).
 */
export const Job = z.object({
  /** The hub the job ran on; optional only so older fixtures still compile. */
  hubId: z.string().optional(),
  jobId: z.string().nullable(),
  operationId: z.string().nullable(),
  type: JobType,
  status: JobStatus,
  progress: z.number().min(0).max(100),
  createdAt: z.string().nullable(),
  startTimeUtc: z.string().nullable(),
  endTimeUtc: z.string().nullable(),
  failureReason: z.string().nullable(),
  startedBy: Actor.nullable(),
  fileName: z.string().nullable(),
  fileSize: z.number().int().nonnegative().nullable(),
  convertedSize: z.number().int().nonnegative().nullable(),
  rowCounts: RowCounts.nullable(),
  excludeKeysInExport: z.boolean().nullable(),
  includeConfigurations: z.boolean().nullable(),
  /**
   * Device and module lines in a completed export's devices.txt. The proxy counts them in the
   * background once it sees the export finish, so null means "still counting" for a freshly
   * completed
   * export, and "unknown" otherwise (imports, unfinished or failed exports, counts never made).
   */
  deviceCount: z.number().int().nonnegative().nullable(),
  moduleCount: z.number().int().nonnegative().nullable(),
  /** Lines the converted file holds per import mode (imports only; null when unknown). */
  byMode: z.record(z.string(), z.number().int().nonnegative()).nullable(),
  /**
   * Lines in the job's import error log once the job is terminal: 0 means a clean import, N > 0
   * means "completed with N errors". Null while running, for exports, or when not counted yet.
   */
  errorLineCount: z.number().int().nonnegative().nullable(),
  /** The admin's optional label for the operation (exports and imports), shown beside its id. */
  label: z.string().nullable(),
  /**
   * True when the hub no longer knows this job (older than its history) and only our metadata
   * remains.
   */
  hubHistoryExpired: z.boolean(),
  /**
   * The registry snapshot and undo file kept with an import (admins only; null for support staff
   * and for operations without one). `undoAvailable`: undo.ndjson was uploaded (as seen when the
   * job ended) and its retention has not passed. Optional in the type only so older fixtures
   * still compile; the proxy always sends it.
   */
  backup: z
    .object({ snapshotTakenAt: z.string(), expiresAt: z.string(), undoAvailable: z.boolean() })
    .nullable()
    .optional(),
});
export type Job = z.infer<typeof Job>;

/** GET /api/jobs */
export const JobListResponse = z.object({
  jobs: z.array(Job),
  /** Opaque token for the next page; null on the last page. */
  continuation: z.string().nullable(),
});
export type JobListResponse = z.infer<typeof JobListResponse>;

/** GET /api/hub */
export const HubInfoResponse = z.object({
  /** The hub's id in the proxy's configuration; optional only so older fixtures still compile. */
  hubId: z.string().optional(),
  hostName: z.string(),
  statistics: z.object({
    totalDeviceCount: z.number().int().nonnegative(),
    enabledDeviceCount: z.number().int().nonnegative(),
    disabledDeviceCount: z.number().int().nonnegative(),
  }),
  activeJob: z.object({ jobId: z.string(), type: JobType, status: JobStatus }).nullable(),
});
export type HubInfoResponse = z.infer<typeof HubInfoResponse>;

/** `GET /api/jobs/{jobId}/command`: the hub call behind a job, for automation; no secret inside. */
export const JobCommand = z.object({
  rest: z.object({
    method: z.literal('POST'),
    url: z.string(),
    headers: z.record(z.string(), z.string()),
    body: z.record(z.string(), z.unknown()),
  }),
  az: z.string(),
  notes: z.array(z.string()),
});
export type JobCommand = z.infer<typeof JobCommand>;

/** GET /api/hub/counts: counts from the registry query API; null where the hub refused to say. */
export const HubCountsResponse = z.object({
  edgeDevices: z.number().int().nonnegative().nullable(),
  /** Module identities, each edge device's `$edgeAgent` and `$edgeHub` included. */
  modules: z.number().int().nonnegative().nullable(),
  /** The device cap from the proxy's configuration; null when it is not configured. */
  deviceCap: z.number().int().positive().nullable(),
  countedAt: z.string(),
});
export type HubCountsResponse = z.infer<typeof HubCountsResponse>;
