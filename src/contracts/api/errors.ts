import { z } from 'zod';

// The one error body every proxy route answers with (docs/proxy.md#errors). `code` is stable; the
// web maps it to words.
export const ApiErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

export const API_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'HUB_NOT_FOUND',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'JOB_SLOT_BUSY',
  'JOB_NOT_FOUND',
  'JOB_NOT_ACTIVE',
  'COMMAND_UNKNOWN',
  'OPERATION_NOT_FOUND',
  'UPLOAD_MISSING',
  'UPLOAD_EMPTY',
  'ALREADY_STARTED',
  'START_IN_PROGRESS',
  'START_UNCERTAIN',
  'CONVERTED_FILE_MISMATCH',
  'HUB_STORAGE_REJECTED',
  'HUB_UNAUTHORIZED',
  'HUB_THROTTLED',
  'HUB_UNAVAILABLE',
  'HUB_ERROR',
  'AUTHORITY_UNAVAILABLE',
  'STORAGE_ERROR',
  'BACKUP_EXPIRED',
  'SUPPORT_EXPORTS_DISABLED',
  'SUPPORT_EXPORT_TOO_SOON',
  'ADMIN_OPERATION_PENDING',
  'NOT_READY',
  'QUEUE_DISABLED',
  'QUEUE_UNAVAILABLE',
  'ALREADY_QUEUED',
  'QUEUE_ENTRY_NOT_FOUND',
  'QUEUE_ENTRY_STARTING',
  'COPY_SAME_HUB',
  'COPY_SOURCE_NOT_FOUND',
  'COPY_SOURCE_NOT_READY',
  'COPY_SOURCE_WITHOUT_KEYS',
  'COPY_SOURCE_UNREADABLE',
  'COPY_NOT_FOUND',
  'COPY_IMPORT_NOT_DONE',
  'DELETE_ALL_NOT_FOUND',
  'DELETE_ALL_NOT_DONE',
  'INTERNAL',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
