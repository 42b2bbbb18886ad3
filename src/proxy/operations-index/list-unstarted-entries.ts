import { odata } from '@azure/data-tables';
import type { StoredOperation } from '../storage/operation-storage';
import { fromIndexEntity } from './index-entity';
import { LIST_ROW_RANGE, listKeyPrefixAt } from './index-keys';
import type { IndexTable } from './index-table-client';

// Operations created before `cutoff` and never started. The key range starts at the cutoff's list
// prefix (older rows have larger keys), and `started eq false` is filtered by the service, so only
// the matching rows travel.
export async function listUnstartedBefore(
  table: IndexTable,
  partitionKey: string,
  cutoff: Date,
): Promise<StoredOperation[]> {
  const from = listKeyPrefixAt(cutoff.getTime());
  return table.call(async (client) => {
    const found: StoredOperation[] = [];
    const rows = client.listEntities({
      queryOptions: {
        filter: odata`PartitionKey eq ${partitionKey} and RowKey ge ${from} and RowKey lt ${LIST_ROW_RANGE.to} and started eq false`,
      },
    });
    for await (const row of rows) {
      const operation = fromIndexEntity(row);
      if (operation) found.push(operation);
    }
    return found;
  });
}
