import type { OperationStorage } from '../storage/operation-storage';
import type { OperationsIndex } from './operations-index';

// The index is a projection of the container metadata, so it can always be rebuilt from it: after
// losing the table, after a bug, or to take in operations made before the index existed. It lists
// every container once (the cost the index saves everywhere else) and upserts each operation's
// rows. It only adds and refreshes rows; it never deletes any.
export async function rebuildOperationsIndex(
  storage: OperationStorage,
  index: OperationsIndex,
  concurrency = 8,
): Promise<{ indexed: number }> {
  const operations = await storage.listOperations();
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < operations.length; i = next++) {
      const operation = operations[i];
      if (operation) await index.put(operation);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { indexed: operations.length };
}
