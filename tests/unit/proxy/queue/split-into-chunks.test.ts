import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { OperationMetadata } from '../../../../src/proxy/storage/operation-metadata';
import type { OperationStorage } from '../../../../src/proxy/storage/operation-storage';
import { splitIntoChunks } from '../../../../src/proxy/queue/split-into-chunks';

// The split of a chunked import: chunk sizes, edge devices first, a device never cut from its
// modules, and nothing left behind when the file would make too many chunks.

function memoryStorage() {
  const blobs = new Map<string, string>();
  const containers = new Map<string, OperationMetadata>();
  const storage = {
    createOperation: async (id: string, metadata: OperationMetadata) => {
      containers.set(id, metadata);
    },
    deleteOperation: async (id: string) => {
      containers.delete(id);
      blobs.delete(id);
    },
    writeBlob: async (id: string, _name: string, source: Readable) => {
      let text = '';
      for await (const part of source) text += String(part);
      blobs.set(id, text);
    },
  } as unknown as OperationStorage;
  return { storage, blobs, containers };
}

const device = (id: string, edge = false): string =>
  JSON.stringify({
    id,
    importMode: 'create',
    ...(edge ? { capabilities: { iotEdge: true } } : {}),
  });
const module = (id: string, moduleId: string): string =>
  JSON.stringify({ id, moduleId, importMode: 'create' });

async function split(lines: string[], chunkSize: number) {
  const memory = memoryStorage();
  const text = lines.join('\n') + '\n';
  const chunks = await splitIntoChunks(
    { storage: memory.storage, now: () => new Date('2026-01-02T00:00:00Z') },
    { operationId: 'import-20260102-aaaaaaaaaa', open: async () => Readable.from([text]) },
    chunkSize,
    () => ({ kind: 'import', createdAt: '', createdByName: '', createdByOid: '' }),
  );
  const ids = chunks.map((chunk) =>
    (memory.blobs.get(chunk.operationId) ?? '')
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const parsed = JSON.parse(line) as { id: string; moduleId?: string };
        return parsed.moduleId ? `${parsed.id}/${parsed.moduleId}` : parsed.id;
      }),
  );
  return { chunks, ids, memory };
}

describe('splitIntoChunks', () => {
  it('cuts every chunkSize lines, with the edge devices first in chunk 1', async () => {
    const { chunks, ids } = await split(
      ['a', 'b', 'c', 'd', 'e'].map((id) => device(id)).concat(device('edge', true)),
      2,
    );
    expect(ids).toEqual([
      ['edge', 'a'],
      ['b', 'c'],
      ['d', 'e'],
    ]);
    expect(chunks.map((chunk) => chunk.rows)).toEqual([2, 2, 2]);
    expect(chunks[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never cuts a device from its modules', async () => {
    const { ids } = await split([device('a'), device('b'), module('b', 'm1'), device('c')], 2);
    expect(ids).toEqual([['a', 'b', 'b/m1'], ['c']]);
  });

  it('refuses a file that would make too many chunks and leaves no chunk behind', async () => {
    const memory = memoryStorage();
    const text = Array.from({ length: 501 }, (_, i) => device(`d${i}`)).join('\n');
    await expect(
      splitIntoChunks(
        { storage: memory.storage, now: () => new Date() },
        { operationId: 'import-20260102-aaaaaaaaaa', open: async () => Readable.from([text]) },
        1,
        () => ({ kind: 'import', createdAt: '', createdByName: '', createdByOid: '' }),
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(memory.containers.size).toBe(0);
  });
});
