import type { StoredOperation } from '../storage/operation-storage';
import { fromIndexEntity } from './index-entity';
import type { IndexTable } from './index-table-client';
import { isNotFound } from './index-table-client';

// A poll's one point read: by operation id (`o~` row) or by hub job id (`j~` row).
export async function readIndexEntry(
  table: IndexTable,
  partitionKey: string,
  rowKey: string,
): Promise<StoredOperation | undefined> {
  return table.call(async (client) => {
    try {
      return fromIndexEntity(await client.getEntity(partitionKey, rowKey));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  });
}
