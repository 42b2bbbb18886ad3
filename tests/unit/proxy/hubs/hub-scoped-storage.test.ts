import { describe, expect, it } from 'vitest';
import { hubScopedStorage, ownerOf } from '../../../../src/proxy/hubs/hub-scoped-storage';
import type { OperationMetadata } from '../../../../src/proxy/storage/operation-metadata';
import type { OperationStorage } from '../../../../src/proxy/storage/operation-storage';

// Container metadata replaced by a map: what is tested is which hub sees which operation. The real
// containers are covered by tests/integration/proxy/several-hubs.test.ts.

function sharedStorage(): { storage: OperationStorage; written: Map<string, OperationMetadata> } {
  const written = new Map<string, OperationMetadata>();
  const unused = (): never => {
    throw new Error('not used by these tests');
  };
  const storage: OperationStorage = {
    blobEndpoint: 'http://127.0.0.1:1/devstoreaccount1',
    createOperation: async (id, metadata) => void written.set(id, metadata),
    readOperation: async (id) => written.get(id),
    writeOperation: async (id, metadata) => void written.set(id, metadata),
    listOperations: async () =>
      [...written].map(([operationId, metadata]) => ({ operationId, metadata })),
    blobSize: unused,
    openBlob: unused,
    writeBlob: unused,
    uploadSas: unused,
    readSas: unused,
    hubContainerSas: unused,
    hubContainerUrl: unused,
    freezeInput: unused,
    freezeBackup: unused,
    deleteFiles: unused,
    lockUploads: unused,
    deleteOperation: unused,
    withLease: unused,
  };
  return { storage, written };
}

const made = (extra: Partial<OperationMetadata> = {}): OperationMetadata => ({
  kind: 'import',
  createdAt: '2026-12-08T03:00:00Z',
  createdByName: 'Ada',
  createdByOid: 'oid-ada',
  ...extra,
});

describe('hubScopedStorage', () => {
  it("records the hub in a new operation's metadata", async () => {
    const { storage, written } = sharedStorage();
    await hubScopedStorage(storage, 'hub-b', 'hub-a').createOperation('import-1', made());
    expect(written.get('import-1')?.hubId).toBe('hub-b');
  });

  it("reads another hub's operation as absent, and lists only the hub's own", async () => {
    const { storage } = sharedStorage();
    const hubA = hubScopedStorage(storage, 'hub-a', 'hub-a');
    const hubB = hubScopedStorage(storage, 'hub-b', 'hub-a');
    await hubA.createOperation('import-a', made());
    await hubB.createOperation('import-b', made());
    expect(await hubB.readOperation('import-a')).toBeUndefined();
    expect(await hubA.readOperation('import-b')).toBeUndefined();
    expect((await hubA.readOperation('import-a'))?.hubId).toBe('hub-a');
    expect((await hubB.listOperations()).map((stored) => stored.operationId)).toEqual(['import-b']);
  });

  it('gives records made before several hubs to the first hub, which keeps them on write', async () => {
    const { storage, written } = sharedStorage();
    written.set('import-old', made());
    const first = hubScopedStorage(storage, 'hub-a', 'hub-a');
    const other = hubScopedStorage(storage, 'hub-b', 'hub-a');
    expect(ownerOf(made(), 'hub-a')).toBe('hub-a');
    expect(await other.readOperation('import-old')).toBeUndefined();
    const old = await first.readOperation('import-old');
    expect(old).toBeDefined();
    await first.writeOperation('import-old', { ...made(), label: 'kept' });
    expect(written.get('import-old')).toMatchObject({ hubId: 'hub-a', label: 'kept' });
  });
});
