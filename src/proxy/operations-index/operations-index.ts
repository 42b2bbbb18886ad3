import type { StoredOperation } from '../storage/operation-storage';
import { createIndexTable, type IndexTableOptions } from './index-table-client';
import { hubPartitionKey, jobRowKey, operationRowKey } from './index-keys';
import { listIndexPage, type IndexPage } from './list-index-page';
import { listUnstartedBefore } from './list-unstarted-entries';
import { readIndexEntry } from './read-index-entry';
import { deleteIndexEntries, putIndexEntries } from './write-index-entries';

// The operations index of one hub in Azure Table Storage (docs/proxy.md, "Operations index"): what
// lists and polls read so their cost does not grow with history. Container metadata stays the
// source of truth; every row here can be rebuilt from it (rebuild-operations-index.ts).

export interface OperationsIndex {
  partitionKey: string;
  put(operation: StoredOperation): Promise<void>;
  remove(operation: StoredOperation): Promise<void>;
  byOperationId(operationId: string): Promise<StoredOperation | undefined>;
  byJobId(jobId: string): Promise<StoredOperation | undefined>;
  page(limit: number, continuation?: string): Promise<IndexPage>;
  unstartedBefore(cutoff: Date): Promise<StoredOperation[]>;
}

export interface OperationsIndexOptions extends Omit<IndexTableOptions, 'tableName'> {
  /** `operations` by default. */
  tableName?: string;
  hubHostName: string;
}

export function createOperationsIndex(options: OperationsIndexOptions): OperationsIndex {
  const table = createIndexTable({ ...options, tableName: options.tableName ?? 'operations' });
  const partitionKey = hubPartitionKey(options.hubHostName);
  return {
    partitionKey,
    put: (operation) => putIndexEntries(table, partitionKey, operation),
    remove: (operation) => deleteIndexEntries(table, partitionKey, operation),
    byOperationId: (operationId) =>
      readIndexEntry(table, partitionKey, operationRowKey(operationId)),
    byJobId: (jobId) => readIndexEntry(table, partitionKey, jobRowKey(jobId)),
    page: (limit, continuation) => listIndexPage(table, partitionKey, limit, continuation),
    unstartedBefore: (cutoff) => listUnstartedBefore(table, partitionKey, cutoff),
  };
}

/** Azure's table endpoint for an account whose blob endpoint follows Azure's naming. */
export function defaultTableEndpoint(blobEndpoint: string): string | undefined {
  const url = new URL(blobEndpoint);
  if (!url.hostname.includes('.blob.')) return undefined;
  return `${url.protocol}//${url.hostname.replace('.blob.', '.table.')}`;
}
