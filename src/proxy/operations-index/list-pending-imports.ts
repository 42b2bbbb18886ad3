import { odata } from '@azure/data-tables';
import type { StoredOperation } from '../storage/operation-storage';
import { fromIndexEntity } from './index-entity';
import { LIST_ROW_RANGE, listKeyPrefixAt } from './index-keys';
import type { IndexTable } from './index-table-client';

/**
 * Imports created since `since` and not started yet: an admin is uploading and will want the hub's
 * slot. Newer list rows have smaller keys, so these are the rows below the key of `since`.
 */
export async function listPendingImportsSince(
  table: IndexTable,
  partitionKey: string,
  since: Date,
): Promise<StoredOperation[]> {
  const upTo = listKeyPrefixAt(since.getTime());
  return table.call(async (client) => {
    const found: StoredOperation[] = [];
    const rows = client.listEntities({
      queryOptions: {
        filter: odata`PartitionKey eq ${partitionKey} and RowKey gt ${LIST_ROW_RANGE.from} and RowKey lt ${upTo} and started eq false and kind eq ${'import'}`,
      },
    });
    for await (const row of rows) {
      const operation = fromIndexEntity(row);
      if (operation) found.push(operation);
    }
    return found;
  });
}
