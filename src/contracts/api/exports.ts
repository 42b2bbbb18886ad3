import { z } from 'zod';
import { Job } from './jobs';

/** POST /api/exports. Keys are excluded unless an admin asks otherwise. */
export const CreateExportRequest = z.object({
  excludeKeys: z.boolean().default(true),
  includeConfigurations: z.boolean().default(false),
});
export type CreateExportRequest = z.infer<typeof CreateExportRequest>;

export const CreateExportResponse = z.object({ job: Job });
export type CreateExportResponse = z.infer<typeof CreateExportResponse>;
