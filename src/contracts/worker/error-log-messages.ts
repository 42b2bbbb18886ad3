import { z } from 'zod';
import type { ImportErrorEntry } from '../../core/import-errors';
import { RequestIdSchema, WorkerFailedMessage } from './worker-failure';

// The two directions of the importErrors.log worker. Bytes go in (transferred, not copied); parsed
// entries come back one batch per network chunk, so no single message is large; 'end' is answered
// by 'done' with the last batch. Both sides parse with these schemas.

export const ImportErrorEntrySchema = z.object({
  line: z.number().int().positive(),
  deviceId: z.string().nullable(),
  moduleId: z.string().nullable(),
  errorCode: z.number().int().nullable(),
  errorStatus: z.string(),
  deviceIdFromQuotedLine: z.boolean(),
}) satisfies z.ZodType<ImportErrorEntry>;

export const ErrorLogBytes = z.object({
  type: z.literal('bytes'),
  bytes: z.instanceof(ArrayBuffer),
});
export const ErrorLogEnd = z.object({ type: z.literal('end'), requestId: RequestIdSchema });

export const ToErrorLogWorker = z.discriminatedUnion('type', [ErrorLogBytes, ErrorLogEnd]);
export type ToErrorLogWorker = z.infer<typeof ToErrorLogWorker>;

export const ErrorLogEntries = z.object({
  type: z.literal('entries'),
  entries: z.array(ImportErrorEntrySchema),
});
export const ErrorLogDone = z.object({
  type: z.literal('done'),
  requestId: RequestIdSchema,
  entries: z.array(ImportErrorEntrySchema),
});

export const FromErrorLogWorker = z.discriminatedUnion('type', [
  ErrorLogEntries,
  ErrorLogDone,
  WorkerFailedMessage,
]);
export type FromErrorLogWorker = z.infer<typeof FromErrorLogWorker>;
