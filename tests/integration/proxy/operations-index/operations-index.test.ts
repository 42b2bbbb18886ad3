import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite, type AzuriteHandle } from '../../../../src/dev-stack/azurite';
import { cleanupExpiredOperations } from '../../../../src/proxy/operations-index/cleanup-expired-operations';
import { indexOperationWrites } from '../../../../src/proxy/operations-index/indexed-operation-storage';
import {
  createOperationsIndex,
  type OperationsIndex,
} from '../../../../src/proxy/operations-index/operations-index';
import { rebuildOperationsIndex } from '../../../../src/proxy/operations-index/rebuild-operations-index';
import type { OperationMetadata } from '../../../../src/proxy/storage/operation-metadata';
import { newOperationId } from '../../../../src/proxy/storage/operation-names';
import {
  createOperationStorage,
  type OperationStorage,
} from '../../../../src/proxy/storage/operation-storage';

// The index module against Azurite's real table and blob services: paging newest first, point
// reads, the rebuild from container metadata, and the cleanup with an injected clock.

let azurite: AzuriteHandle;
let tableCount = 0;

beforeAll(async () => {
  azurite = await startAzurite();
}, 60_000);
afterAll(async () => {
  await azurite.close();
});

interface Parts {
  containers: OperationStorage;
  storage: OperationStorage;
  index: OperationsIndex;
}

/** Each test gets a table of its own and a hub of its own, so their rows never meet. */
function parts(hubHostName = `hub-${++tableCount}.azure-devices.net`): Parts {
  const containers = createOperationStorage({
    accountName: azurite.accountName,
    blobEndpoint: azurite.blobEndpoint,
    auth: { kind: 'sharedKey', accountKey: azurite.accountKey },
    now: () => new Date(),
  });
  const index = createOperationsIndex({
    accountName: azurite.accountName,
    tableEndpoint: azurite.tableEndpoint,
    auth: { kind: 'sharedKey', accountKey: azurite.accountKey },
    tableName: `operations${tableCount}`,
    hubHostName,
  });
  return { containers, storage: indexOperationWrites(containers, index, () => undefined), index };
}

function importAt(createdAt: string, extra: Partial<OperationMetadata> = {}): OperationMetadata {
  return {
    kind: 'import',
    createdAt,
    createdByName: 'Ada Admin',
    createdByOid: 'oid-admin',
    fileName: 'devices.csv',
    ...extra,
  };
}

async function create(
  storage: OperationStorage,
  createdAt: string,
  extra: Partial<OperationMetadata> = {},
): Promise<string> {
  const operationId = newOperationId('import', new Date(createdAt));
  await storage.createOperation(operationId, importAt(createdAt, extra));
  return operationId;
}

describe('the operations index', () => {
  it('pages through every operation newest first, each exactly once', async () => {
    const { storage, index } = parts();
    const ids: string[] = [];
    for (let day = 1; day <= 7; day++)
      ids.push(await create(storage, `2026-11-0${day}T08:00:00.000Z`));

    const seen: string[] = [];
    let continuation: string | undefined;
    let pages = 0;
    do {
      const page = await index.page(3, continuation);
      expect(page.operations.length).toBeLessThanOrEqual(3);
      seen.push(...page.operations.map((operation) => operation.operationId));
      continuation = page.continuation ?? undefined;
      pages++;
    } while (continuation && pages < 10);
    expect(seen).toEqual([...ids].reverse());
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it('finds an operation by its id and, once started, by its hub job id', async () => {
    const { storage, index } = parts();
    const operationId = await create(storage, '2026-12-01T08:00:00.000Z');
    expect(await index.byJobId('job-42')).toBeUndefined();
    const started = importAt('2026-12-01T08:00:00.000Z', { jobId: 'job-42' });
    await storage.writeOperation(operationId, started);
    expect(await index.byJobId('job-42')).toEqual({ operationId, metadata: started });
    expect(await index.byOperationId(operationId)).toEqual({ operationId, metadata: started });
    expect((await index.page(10)).operations).toEqual([{ operationId, metadata: started }]);
  });

  it('keeps one hub out of another hub\u2019s list', async () => {
    const first = parts('hub-a.azure-devices.net');
    const second = {
      ...first,
      index: createOperationsIndex({
        accountName: azurite.accountName,
        tableEndpoint: azurite.tableEndpoint,
        auth: { kind: 'sharedKey', accountKey: azurite.accountKey },
        tableName: `operations${tableCount}`,
        hubHostName: 'hub-b.azure-devices.net',
      }),
    };
    await create(first.storage, '2026-12-01T08:00:00.000Z');
    expect((await first.index.page(10)).operations).toHaveLength(1);
    expect((await second.index.page(10)).operations).toEqual([]);
    const token = (await first.index.page(1)).continuation;
    if (token)
      await expect(second.index.page(1, token)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
  });

  it('is rebuilt from container metadata after the table is lost', async () => {
    const { containers, storage } = parts();
    const ids = [
      await create(storage, '2026-10-01T08:00:00.000Z', {
        jobId: 'job-old',
        finalStatus: 'completed',
      }),
      await create(storage, '2026-10-02T08:00:00.000Z'),
    ];
    // A fresh, empty table stands for the lost one; the containers are all that is left.
    const { index: empty } = parts();
    const found = async (): Promise<string[]> =>
      (await empty.page(50)).operations
        .map((operation) => operation.operationId)
        .filter((id) => ids.includes(id));
    expect(await found()).toEqual([]);

    await rebuildOperationsIndex(containers, empty);

    expect(await found()).toEqual([...ids].reverse());
    expect(await empty.byJobId('job-old')).toMatchObject({
      operationId: ids[0],
      metadata: { finalStatus: 'completed' },
    });
  });
});

describe('the cleanup of unstarted operations', () => {
  it('deletes operations never started after the expiry and keeps everything else', async () => {
    const { containers, storage, index } = parts();
    const now = new Date('2026-12-04T12:00:00.000Z');
    const expired = await create(storage, '2026-12-03T11:00:00.000Z');
    const fresh = await create(storage, '2026-12-03T13:00:00.000Z');
    const finished = await create(storage, '2026-09-01T11:00:00.000Z', {
      jobId: 'job-history',
      finalStatus: 'completed',
    });
    const claimed = await create(storage, '2026-12-01T11:00:00.000Z', {
      startClaimedAt: '2026-12-01T11:05:00.000Z',
    });

    const result = await cleanupExpiredOperations(
      { storage: containers, index, now: () => now },
      24,
    );

    expect(result).toEqual({ deleted: [expired], repaired: [] });
    expect(await containers.readOperation(expired)).toBeUndefined();
    expect(await index.byOperationId(expired)).toBeUndefined();
    const listed = (await index.page(50)).operations.map((operation) => operation.operationId);
    expect(listed).toEqual([fresh, claimed, finished]);
    for (const id of [fresh, finished, claimed])
      expect(await containers.readOperation(id)).toBeDefined();
  });

  it('keeps a chunk of a run however long it has waited in the queue', async () => {
    const { containers, storage, index } = parts();
    const chunk = await create(storage, '2026-12-01T08:00:00.000Z', {
      run: { runId: 'aaaaaaaaaaaaaaaaaaaa', chunk: 3, of: 3 },
    });

    const result = await cleanupExpiredOperations(
      { storage: containers, index, now: () => new Date('2026-12-04T08:00:00.000Z') },
      24,
    );

    expect(result).toEqual({ deleted: [], repaired: [] });
    expect(await containers.readOperation(chunk)).toBeDefined();
  });

  it('repairs, and keeps, an operation whose start reached the container but not the index', async () => {
    const { containers, storage, index } = parts();
    const operationId = await create(storage, '2026-12-01T08:00:00.000Z');
    // The start's index write was lost: only the container knows the job.
    const started = importAt('2026-12-01T08:00:00.000Z', { jobId: 'job-lagging' });
    await containers.writeOperation(operationId, started);

    const result = await cleanupExpiredOperations(
      { storage: containers, index, now: () => new Date('2026-12-04T08:00:00.000Z') },
      24,
    );

    expect(result).toEqual({ deleted: [], repaired: [operationId] });
    expect(await containers.readOperation(operationId)).toEqual(started);
    expect(await index.byJobId('job-lagging')).toEqual({ operationId, metadata: started });
  });

  it('takes a configurable expiry', async () => {
    const { containers, storage, index } = parts();
    const operationId = await create(storage, '2026-12-04T09:00:00.000Z');
    const at = { storage: containers, index, now: () => new Date('2026-12-04T12:00:00.000Z') };
    expect((await cleanupExpiredOperations(at, 4)).deleted).toEqual([]);
    expect((await cleanupExpiredOperations(at, 2)).deleted).toEqual([operationId]);
  });
});
