import { z } from 'zod';

// "Delete all devices and configurations" of one hub (docs/bulk-flows.md): from a completed export
// with keys (and configurations) of the hub, which is the backup, the proxy writes the import that
// deletes every device (deleteIfMatchETag, leaves first) as an import operation with that export
// as its backup and its restore as the undo file; the console plans and starts it like any
// import. Configurations are deleted one by one after the job.

/** POST /api/hubs/{hubId}/delete-all. */
export const CreateDeleteAllRequest = z.object({
  exportOperationId: z.string().min(1).max(64),
});
export type CreateDeleteAllRequest = z.infer<typeof CreateDeleteAllRequest>;

export const ConfigurationDeletion = z.object({
  deletedAt: z.string(),
  deleted: z.number().int().nonnegative(),
  /** Already gone (404): fine. */
  absent: z.number().int().nonnegative(),
});
export type ConfigurationDeletion = z.infer<typeof ConfigurationDeletion>;

export const DeleteAllResponse = z.object({
  /** The import operation that deletes the devices. */
  operationId: z.string(),
  hubId: z.string(),
  exportOperationId: z.string(),
  devices: z.number().int().nonnegative(),
  /** Modules that go with their devices. */
  modules: z.number().int().nonnegative(),
  /** The configurations deleted after the job (at most 100 a hub). */
  configurationIds: z.array(z.string()),
  jobId: z.string().optional(),
  configurations: ConfigurationDeletion.optional(),
});
export type DeleteAllResponse = z.infer<typeof DeleteAllResponse>;
