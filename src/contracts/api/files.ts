import { z } from 'zod';

/**
 * The files of one operation that a client may read. Routes name them by this enum, never by a
 * blob path, so no request can reach a blob or container of the caller's choosing.
 */
export const OperationFile = z.enum([
  'errors',
  'devices',
  'source',
  'configurations',
  'backup',
  'undo',
]);
export type OperationFile = z.infer<typeof OperationFile>;

export const OPERATION_FILE_BLOBS: Record<OperationFile, string> = {
  errors: 'importErrors.log',
  devices: 'devices.txt',
  source: 'source',
  configurations: 'configurations.txt',
  backup: 'backup.txt',
  undo: 'undo.ndjson',
};

/**
 * The registry snapshot an import's plan used (keys included) and the undo file built from it:
 * admins only, masked or not, since their point is the keys (docs/proxy.md "Backup and undo").
 */
export const ADMIN_ONLY_FILES: readonly OperationFile[] = ['backup', 'undo'];

/**
 * What the proxy writes in place of a secret in a file it serves masked (support users): a client
 * that sees it knows there is nothing real behind it to reveal (docs/proxy.md, "What support can
 * and cannot see").
 */
export const MASKED_SECRET = '***';

/** POST /api/jobs/{jobId}/files/{file}/sas (admin only): a short read-only URL for one blob. */
export const ReadSasResponse = z.object({ url: z.string().url(), expiresOn: z.string() });
export type ReadSasResponse = z.infer<typeof ReadSasResponse>;
