import { z } from 'zod';
import { Job } from './jobs';

/** The longest label an admin may give an operation: room for a reason, never a paragraph. */
export const OPERATION_LABEL_MAX = 100;

// Trimmed (an empty label is stored as none). Control characters are refused: the label is shown
// in lists and headings, where a newline or a bidi override would make two exports look alike.
export const OperationLabel = z
  .string()
  .trim()
  .max(OPERATION_LABEL_MAX)
  .regex(/^[^\p{Cc}\u202a-\u202e\u2066-\u2069]*$/u, 'The label may not hold control characters.');

/** POST /api/exports. Keys are excluded unless an admin asks otherwise. */
export const CreateExportRequest = z.object({
  excludeKeys: z.boolean().default(true),
  includeConfigurations: z.boolean().default(false),
  label: OperationLabel.optional(),
});
export type CreateExportRequest = z.infer<typeof CreateExportRequest>;

export const CreateExportResponse = z.object({ job: Job });
export type CreateExportResponse = z.infer<typeof CreateExportResponse>;
