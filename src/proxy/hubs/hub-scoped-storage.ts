import type { OperationMetadata } from '../storage/operation-metadata';
import type { OperationStorage } from '../storage/operation-storage';

// One storage account serves every hub, one container per operation (docs/proxy.md, "Several
// hubs"). Each hub sees only the operations it owns: its id is written into the container's
// metadata when the operation is made, and an operation of another hub reads as absent, so an id
// fetched through another hub's URL is a 404 like any unknown id, never a cross-hub answer.

/** The hub an operation belongs to; records made before several hubs belong to the first. */
export function ownerOf(metadata: OperationMetadata, firstHubId: string): string {
  return metadata.hubId ?? firstHubId;
}

export function hubScopedStorage(
  storage: OperationStorage,
  hubId: string,
  firstHubId: string,
): OperationStorage {
  const owns = (metadata: OperationMetadata): boolean => ownerOf(metadata, firstHubId) === hubId;
  return {
    ...storage,
    createOperation: (operationId, metadata) =>
      storage.createOperation(operationId, { ...metadata, hubId }),
    readOperation: async (operationId) => {
      const metadata = await storage.readOperation(operationId);
      return metadata && owns(metadata) ? metadata : undefined;
    },
    // A hub only reaches its own operations, so the writer is the owner; an old record of the
    // first hub gains its id.
    writeOperation: (operationId, metadata) =>
      storage.writeOperation(operationId, { ...metadata, hubId: metadata.hubId ?? hubId }),
    listOperations: async () =>
      (await storage.listOperations()).filter((stored) => owns(stored.metadata)),
  };
}
