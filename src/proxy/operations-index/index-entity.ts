import { z } from 'zod';
import { OperationMetadata } from '../storage/operation-metadata';
import { isOperationId } from '../storage/operation-names';
import type { StoredOperation } from '../storage/operation-storage';
import { jobRowKey, listRowKey, operationRowKey } from './index-keys';

// The entity codec. Every row carries the operation's whole metadata as JSON (one property, far
// below the 64 KiB limit) so any row answers a poll on its own; `started`, `jobId` and `createdAt`
// are columns of their own so the cleanup can filter on them server-side.

export const INDEX_SCHEMA_VERSION = 1;

export const IndexEntity = z.object({
  partitionKey: z.string(),
  rowKey: z.string(),
  schemaVersion: z.literal(INDEX_SCHEMA_VERSION),
  operationId: z.string().refine(isOperationId),
  kind: z.enum(['import', 'export']),
  createdAt: z.string(),
  started: z.boolean(),
  jobId: z.string().optional(),
  finalStatus: z.string().optional(),
  metadata: z.string(),
});
export type IndexEntity = z.infer<typeof IndexEntity>;

/** An import or export counts as started once a start has claimed it or a hub job exists. */
export function isStarted(metadata: OperationMetadata): boolean {
  return Boolean(metadata.jobId ?? metadata.startClaimedAt);
}

export function toIndexEntities(partitionKey: string, operation: StoredOperation): IndexEntity[] {
  const { operationId, metadata } = operation;
  const base = {
    partitionKey,
    schemaVersion: INDEX_SCHEMA_VERSION,
    operationId,
    kind: metadata.kind,
    createdAt: metadata.createdAt,
    started: isStarted(metadata),
    ...(metadata.jobId ? { jobId: metadata.jobId } : {}),
    ...(metadata.finalStatus ? { finalStatus: metadata.finalStatus } : {}),
    metadata: JSON.stringify(metadata),
  } as const;
  const keys = [listRowKey(metadata.createdAt, operationId), operationRowKey(operationId)];
  if (metadata.jobId) keys.push(jobRowKey(metadata.jobId));
  return keys.map((rowKey) => ({ ...base, rowKey }));
}

/** The operation a row describes, or undefined for a row this proxy did not write. */
export function fromIndexEntity(raw: unknown): StoredOperation | undefined {
  const entity = IndexEntity.safeParse(raw);
  if (!entity.success) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(entity.data.metadata);
  } catch {
    return undefined;
  }
  const metadata = OperationMetadata.safeParse(json);
  return metadata.success
    ? { operationId: entity.data.operationId, metadata: metadata.data }
    : undefined;
}
