import type { OperationStorage } from '../storage/operation-storage';
import { isStarted } from './index-entity';
import type { OperationsIndex } from './operations-index';

// Imports that were created but never started hold an upload and nothing else; after the expiry
// (24 h by default) their container and index rows are deleted. Started and finished operations are
// never deleted: their metadata is the audit, kept beyond the hub's 30-day history. Each candidate
// is checked against its container first, because the index row may lag behind a start (see
// indexed-operation-storage.ts); such a row is repaired instead.

export const DEFAULT_UNSTARTED_EXPIRY_HOURS = 24;

export interface CleanupParts {
  /** The container storage itself, not the indexing wrapper: the index is handled here. */
  storage: OperationStorage;
  index: OperationsIndex;
  now: () => Date;
}

export interface CleanupResult {
  deleted: string[];
  repaired: string[];
}

export async function cleanupExpiredOperations(
  parts: CleanupParts,
  expiryHours = DEFAULT_UNSTARTED_EXPIRY_HOURS,
): Promise<CleanupResult> {
  const cutoff = new Date(parts.now().getTime() - expiryHours * 3600_000);
  const result: CleanupResult = { deleted: [], repaired: [] };
  for (const candidate of await parts.index.unstartedBefore(cutoff)) {
    const metadata = await parts.storage.readOperation(candidate.operationId);
    // A chunk of a run waits in the queue for as long as the chunks before it run, often longer
    // than a day (docs/proxy.md, "Chunked imports"); its run page is where an admin drops it.
    if (metadata?.run) continue;
    if (metadata && isStarted(metadata)) {
      await parts.index.put({ operationId: candidate.operationId, metadata });
      result.repaired.push(candidate.operationId);
      continue;
    }
    if (metadata) await parts.storage.deleteOperation(candidate.operationId);
    await parts.index.remove(candidate);
    result.deleted.push(candidate.operationId);
  }
  return result;
}
