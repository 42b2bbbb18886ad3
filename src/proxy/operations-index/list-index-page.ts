import { odata } from '@azure/data-tables';
import type { StoredOperation } from '../storage/operation-storage';
import {
  decodeContinuation,
  encodeContinuation,
  fromSdkToken,
  toSdkToken,
} from './continuation-token';
import { fromIndexEntity } from './index-entity';
import { LIST_ROW_RANGE } from './index-keys';
import type { IndexTable } from './index-table-client';

export interface IndexPage {
  operations: StoredOperation[];
  /** Null on the last page. A page may hold fewer rows than asked and still have a next one. */
  continuation: string | null;
}

// One page of the list rows, newest first, read with the service's own paging: the cost of a page
// does not depend on how much history lies behind it.
export async function listIndexPage(
  table: IndexTable,
  partitionKey: string,
  limit: number,
  continuation?: string,
): Promise<IndexPage> {
  const cursor = continuation ? decodeContinuation(continuation, partitionKey) : undefined;
  return table.call(async (client) => {
    const pages = client
      .listEntities({
        queryOptions: {
          filter: odata`PartitionKey eq ${partitionKey} and RowKey gt ${LIST_ROW_RANGE.from} and RowKey lt ${LIST_ROW_RANGE.to}`,
        },
      })
      .byPage({ maxPageSize: limit, ...(cursor ? { continuationToken: toSdkToken(cursor) } : {}) });
    const first = await pages.next();
    if (first.done) return { operations: [], continuation: null };
    const operations = first.value.flatMap((entity) => {
      const operation = fromIndexEntity(entity);
      return operation ? [operation] : [];
    });
    const next = fromSdkToken(first.value.continuationToken);
    return { operations, continuation: next ? encodeContinuation(next, partitionKey) : null };
  });
}
