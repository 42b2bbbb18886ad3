import type { OperationStorage } from '../storage/operation-storage';
import type { OperationsIndex } from './operations-index';

// Every metadata write goes to the container first (the audit's source of truth) and then to the
// index, so each place that creates, starts or finishes an operation keeps the index current
// without knowing it exists. A failed index write after creation is logged, not thrown: the hub job
// may already run, and answering 502 would invite a second Start
// (docs/proxy.md#how-start-is-made-idempotent). Later writes, the cleanup's check and a rebuild
// bring such a row up to date.

export type IndexLog = (entry: Record<string, unknown>) => void;

export function indexOperationWrites(
  storage: OperationStorage,
  index: OperationsIndex,
  log: IndexLog,
): OperationStorage {
  return {
    ...storage,
    async createOperation(operationId, metadata) {
      await storage.createOperation(operationId, metadata);
      try {
        await index.put({ operationId, metadata });
      } catch (error) {
        // An operation missing from the index would be invisible to lists and to the cleanup.
        await storage.deleteOperation(operationId).catch(() => undefined);
        throw error;
      }
    },
    async writeOperation(operationId, metadata) {
      await storage.writeOperation(operationId, metadata);
      await index.put({ operationId, metadata }).catch((error: unknown) =>
        log({
          level: 'warn',
          msg: 'operations index write failed; the row catches up on the next write or a rebuild',
          code: 'INDEX_WRITE_FAILED',
          operationId,
          reason: error instanceof Error ? error.message : String(error),
        }),
      );
    },
    async deleteOperation(operationId) {
      const indexed = await index.byOperationId(operationId).catch(() => undefined);
      await storage.deleteOperation(operationId);
      if (indexed) await index.remove(indexed);
    },
  };
}
