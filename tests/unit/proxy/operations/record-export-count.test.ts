import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { HubJob } from '../../../../src/proxy/hub/hub-jobs';
import type { ProxyContext } from '../../../../src/proxy/operations/proxy-context';
import {
  needsExportCount,
  startExportCount,
} from '../../../../src/proxy/operations/record-export-count';
import { recordFinalStatuses } from '../../../../src/proxy/operations/record-final-status';
import type { OperationMetadata } from '../../../../src/proxy/storage/operation-metadata';
import type { OperationStorage } from '../../../../src/proxy/storage/operation-storage';

// Blob storage replaced by a map, so the orchestration (one count at a time, retry after a failure,
// no blocking of the first sighting) can be driven step by step. The real storage is covered by
// tests/integration/proxy/export-count.test.ts.

const OPERATION = 'export-20261127-abcdefghij';
const EXPORT_TEXT =
  'Keys are excluded.\r\n{"id":"d1"}\r\n{"id":"d1","moduleId":"m1"}\r\n{"id":"d2"}\r\n';

function fakeContext(options: { blob?: () => Readable | undefined; clock?: { ms: number } } = {}) {
  const clock = options.clock ?? { ms: Date.parse('2026-11-27T10:00:00Z') };
  const metadata = new Map<string, OperationMetadata>([
    [
      OPERATION,
      {
        kind: 'export',
        createdAt: '2026-11-27T09:00:00Z',
        createdByName: 'Ada',
        createdByOid: 'oid-ada',
        jobId: 'job-1',
        excludeKeysInExport: true,
      },
    ],
  ]);
  let opens = 0;
  const unused = (): never => {
    throw new Error('not used by these tests');
  };
  const storage: OperationStorage = {
    blobEndpoint: 'http://127.0.0.1:1/devstoreaccount1',
    createOperation: unused,
    readOperation: async (id) => metadata.get(id),
    writeOperation: async (id, value) => void metadata.set(id, value),
    listOperations: unused,
    blobSize: async () => Buffer.byteLength(EXPORT_TEXT),
    openBlob: async () => {
      opens++;
      const stream = options.blob ? options.blob() : Readable.from([Buffer.from(EXPORT_TEXT)]);
      return stream ? { stream, size: Buffer.byteLength(EXPORT_TEXT) } : undefined;
    },
    writeBlob: unused,
    uploadSas: unused,
    readSas: unused,
    hubContainerSas: unused,
    hubContainerUrl: unused,
    deleteOperation: unused,
    freezeInput: unused,
    freezeBackup: unused,
    deleteFiles: unused,
    lockUploads: unused,
    withLease: unused,
  };
  const context: ProxyContext = {
    hub: {} as ProxyContext['hub'],
    storage,
    index: {} as ProxyContext['index'],
    now: () => new Date(clock.ms),
    audit: () => undefined,
  };
  return { context, metadata, clock, opens: () => opens };
}

const completed: HubJob = {
  jobId: 'job-1',
  type: 'export',
  status: 'completed',
  progress: 100,
  endTimeUtc: '2026-11-27T09:59:00Z',
};

describe('recordFinalStatuses for a completed export', () => {
  it('records the final status at once and the device and module counts in the background', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { context, metadata } = fakeContext({
      blob: () =>
        Readable.from(
          (async function* () {
            await gate;
            yield Buffer.from(EXPORT_TEXT);
          })(),
        ),
    });
    await recordFinalStatuses(context, [
      {
        hubJob: completed,
        operation: { operationId: OPERATION, metadata: metadata.get(OPERATION)! },
      },
    ]);
    expect(metadata.get(OPERATION)).toMatchObject({
      finalStatus: 'completed',
      fileSize: Buffer.byteLength(EXPORT_TEXT),
    });
    expect(metadata.get(OPERATION)?.deviceCount).toBeUndefined();
    release();
    await expect.poll(() => metadata.get(OPERATION)?.deviceCount).toBe(2);
    expect(metadata.get(OPERATION)?.moduleCount).toBe(1);
  });
});

describe('startExportCount', () => {
  it('runs one count per operation at a time', async () => {
    const { context, metadata, opens } = fakeContext();
    metadata.set(OPERATION, { ...metadata.get(OPERATION)!, finalStatus: 'completed' });
    await Promise.all([startExportCount(context, OPERATION), startExportCount(context, OPERATION)]);
    expect(opens()).toBe(1);
    expect(metadata.get(OPERATION)).toMatchObject({ deviceCount: 2, moduleCount: 1 });
    expect(needsExportCount(metadata.get(OPERATION)!)).toBe(false);
  });

  it('leaves the metadata without a count when the download fails, and retries on a sighting after a pause', async () => {
    let fail = true;
    const clock = { ms: Date.parse('2026-11-27T10:00:00Z') };
    const { context, metadata, opens } = fakeContext({
      clock,
      blob: () =>
        fail
          ? new Readable({
              read() {
                this.destroy(new Error('reset'));
              },
            })
          : Readable.from([Buffer.from(EXPORT_TEXT)]),
    });
    metadata.set(OPERATION, { ...metadata.get(OPERATION)!, finalStatus: 'completed' });
    await startExportCount(context, OPERATION);
    expect(metadata.get(OPERATION)?.deviceCount).toBeUndefined();
    fail = false;
    await startExportCount(context, OPERATION);
    expect(opens()).toBe(1);
    clock.ms += 60_000;
    await startExportCount(context, OPERATION);
    expect(opens()).toBe(2);
    expect(metadata.get(OPERATION)).toMatchObject({ deviceCount: 2, moduleCount: 1 });
  });

  it('does not overwrite a count another request wrote meanwhile', async () => {
    const { context, metadata } = fakeContext();
    const base = { ...metadata.get(OPERATION)!, finalStatus: 'completed' as const };
    metadata.set(OPERATION, base);
    const counting = startExportCount(context, OPERATION);
    metadata.set(OPERATION, { ...base, deviceCount: 7, moduleCount: 0 });
    await counting;
    expect(metadata.get(OPERATION)).toMatchObject({ deviceCount: 7, moduleCount: 0 });
  });
});

describe('needsExportCount', () => {
  it('asks for a count only for completed exports not yet counted', () => {
    const base: OperationMetadata = {
      kind: 'export',
      createdAt: 'x',
      createdByName: 'Ada',
      createdByOid: 'o',
      finalStatus: 'completed',
    };
    expect(needsExportCount(base)).toBe(true);
    expect(needsExportCount({ ...base, deviceCount: 0, moduleCount: 0 })).toBe(false);
    expect(needsExportCount({ ...base, finalStatus: 'failed' })).toBe(false);
    expect(needsExportCount({ ...base, kind: 'import' })).toBe(false);
    expect(needsExportCount({ ...base, finalStatus: undefined })).toBe(false);
  });
});
