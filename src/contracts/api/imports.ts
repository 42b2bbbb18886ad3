import { z } from 'zod';
import { IMPORT_MODES } from '../../core/model/import-mode';
import { Job, RowCounts } from './jobs';

/** Container metadata is limited to 8 KiB in all, so the recorded key columns are bounded. */
export const KEY_COLUMNS_MAX = 4;
export const KEY_COLUMN_MAX_LENGTH = 256;

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'lower-case hex SHA-256');

export const SourceExtension = z.enum(['csv', 'json', 'ndjson', 'txt']);
export type SourceExtension = z.infer<typeof SourceExtension>;

/**
 * POST /api/imports: the client's own report of what it converted, recorded as container metadata.
 */
export const CreateImportRequest = z.object({
  fileName: z.string().min(1).max(255),
  fileSize: z.number().int().nonnegative(),
  sourceSha256: Sha256Hex,
  sourceExtension: SourceExtension,
  convertedSize: z.number().int().positive(),
  convertedSha256: Sha256Hex,
  rowCounts: RowCounts,
  byMode: z.partialRecord(z.enum(IMPORT_MODES), z.number().int().nonnegative()),
  /**
   * Source columns the conversion took for a device key (by the admin's mapping or by detection),
   * so the proxy masks them for support whatever they are called. Few: each maps to one of two keys.
   */
  keyColumns: z.array(z.string().min(1).max(KEY_COLUMN_MAX_LENGTH)).max(KEY_COLUMNS_MAX).optional(),
  /**
   * The plan used a registry snapshot taken at this instant: the answer then carries grants for
   * `backup.txt` (that snapshot, keys included) and `undo.ndjson` (the import that takes this one
   * back), kept with the operation for the configured retention.
   */
  backup: z.object({ snapshotTakenAt: z.iso.datetime({ offset: true }) }).optional(),
  /**
   * The file holds keys made for this import (a key regeneration, docs/bulk-flows.md): the proxy
   * deletes `devices.txt`, its frozen copy and the source when the job ends, so the new keys are
   * kept in storage only while the job runs. The backup and undo files (old keys) stay.
   */
  newKeysInside: z.literal(true).optional(),
});
export type CreateImportRequest = z.infer<typeof CreateImportRequest>;

export const UploadTarget = z.object({
  blobName: z.string(),
  url: z.string().url(),
});
export type UploadTarget = z.infer<typeof UploadTarget>;

export const CreateImportResponse = z.object({
  operationId: z.string(),
  uploads: z.object({
    devices: UploadTarget,
    source: UploadTarget,
    /** Present when the request asked for a backup. */
    backup: UploadTarget.optional(),
    undo: UploadTarget.optional(),
  }),
  expiresOn: z.string(),
  /** When the backup and undo files stop being kept; present when the request asked for them. */
  backup: z.object({ snapshotTakenAt: z.string(), expiresAt: z.string() }).optional(),
});
export type CreateImportResponse = z.infer<typeof CreateImportResponse>;

/** POST /api/imports/{operationId}/start */
export const StartImportResponse = z.object({ job: Job });
export type StartImportResponse = z.infer<typeof StartImportResponse>;
