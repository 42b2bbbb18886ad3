import type { StoredOperation } from '../storage/operation-storage';
import type { IndexTable } from './index-table-client';
import { toIndexEntities } from './index-entity';
import { isNotFound } from './index-table-client';
import { jobRowKey, listRowKey, operationRowKey } from './index-keys';

// An operation's rows go in as one entity-group transaction (all three share the partition), so a
// reader never sees the list row of a write whose lookup rows failed.
export async function putIndexEntries(
  table: IndexTable,
  partitionKey: string,
  operation: StoredOperation,
): Promise<void> {
  const entities = toIndexEntities(partitionKey, operation);
  await table.call((client) =>
    client.submitTransaction(entities.map((entity) => ['upsert', entity, 'Replace'] as const)),
  );
}

/** Deletes every row of an operation; rows already gone are fine (two proxies may both clean up). */
export async function deleteIndexEntries(
  table: IndexTable,
  partitionKey: string,
  operation: StoredOperation,
): Promise<void> {
  const { operationId, metadata } = operation;
  const keys = [listRowKey(metadata.createdAt, operationId), operationRowKey(operationId)];
  if (metadata.jobId) keys.push(jobRowKey(metadata.jobId));
  await table.call((client) =>
    Promise.all(
      keys.map((rowKey) =>
        client.deleteEntity(partitionKey, rowKey).catch((error: unknown) => {
          if (!isNotFound(error)) throw error;
        }),
      ),
    ),
  );
}
