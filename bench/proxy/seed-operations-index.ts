import { AzureNamedKeyCredential, TableClient, type TransactionAction } from '@azure/data-tables';
import { toIndexEntities } from '../../src/proxy/operations-index/index-entity';
import { hubPartitionKey } from '../../src/proxy/operations-index/index-keys';
import type { OperationMetadata } from '../../src/proxy/storage/operation-metadata';
import { newOperationId } from '../../src/proxy/storage/operation-names';

// Seeds N finished operations straight into a hub's partition of the operations index, in batch
// transactions of 33 operations (99 rows; a transaction takes at most 100), in the rows the proxy
// itself writes. Lists and polls read only the index, so the containers are not made.

export interface SeedTarget {
  tableEndpoint: string;
  accountName: string;
  accountKey: string;
  tableName: string;
  hubHostName: string;
}

const OPERATIONS_PER_BATCH = 33;

export async function seedOperationsIndex(target: SeedTarget, count: number): Promise<string[]> {
  const client = new TableClient(
    target.tableEndpoint,
    target.tableName,
    new AzureNamedKeyCredential(target.accountName, target.accountKey),
    { allowInsecureConnection: true },
  );
  await client.createTable();
  const partition = hubPartitionKey(target.hubHostName);
  const start = Date.parse('2025-01-01T00:00:00.000Z');
  const jobIds: string[] = [];
  for (let first = 0; first < count; first += OPERATIONS_PER_BATCH) {
    const actions: TransactionAction[] = [];
    for (let i = first; i < Math.min(count, first + OPERATIONS_PER_BATCH); i++) {
      const created = new Date(start + i * 60_000);
      const jobId = `seeded-job-${i}`;
      jobIds.push(jobId);
      const metadata: OperationMetadata = {
        kind: 'import',
        createdAt: created.toISOString(),
        createdByName: 'Seeded Admin',
        createdByOid: 'oid-seeded',
        fileName: `devices-${i}.csv`,
        fileSize: 123_456,
        rowCounts: { total: 1000, valid: 998, invalid: 2, blank: 0 },
        byMode: { create: 998 },
        jobId,
        jobStartedAt: created.toISOString(),
        finalStatus: 'completed',
        jobEndedAt: new Date(created.getTime() + 30_000).toISOString(),
        errorLineCount: 0,
        keysInside: true,
      };
      const operationId = newOperationId('import', created);
      for (const entity of toIndexEntities(partition, { operationId, metadata }))
        actions.push(['upsert', entity, 'Replace']);
    }
    await client.submitTransaction(actions);
  }
  return jobIds;
}
