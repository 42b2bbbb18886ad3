import { describe, expect, it } from 'vitest';
import type { BlockBlobParallelUploadOptions } from '@azure/storage-blob';
import {
  blockSizeFor,
  uploadBlobs,
} from '../../../../../../src/web/features/import/api/upload-blobs';
import type {
  BlockUploader,
  UploadProgress,
} from '../../../../../../src/web/features/import/api/upload-blobs';

function restError(statusCode: number): Error {
  return Object.assign(new Error(`HTTP ${statusCode}`), { name: 'RestError', statusCode });
}

/**
 * A fake uploader that reports half then all of the blob, failing the first `failures` calls per
 * URL.
 */
function fakeUploaders(failures: Record<string, Error[]>) {
  const calls: Array<{ url: string; options: BlockBlobParallelUploadOptions }> = [];
  const create = (url: string): BlockUploader => ({
    async uploadData(data, options) {
      calls.push({ url, options });
      const failure = failures[url]?.shift();
      options.onProgress?.({ loadedBytes: Math.floor(data.size / 2) });
      if (failure) throw failure;
      options.onProgress?.({ loadedBytes: data.size });
      return {};
    },
  });
  return { calls, create };
}

const items = [
  {
    url: 'https://s/devices',
    data: new Blob(['x'.repeat(1000)]),
    contentType: 'application/x-ndjson',
  },
  { url: 'https://s/source', data: new Blob(['y'.repeat(500)]), contentType: 'text/csv' },
];

describe('uploadBlobs', () => {
  it('reports cumulative bytes across both blobs, ending at the total', async () => {
    const fake = fakeUploaders({});
    const seen: UploadProgress[] = [];
    await uploadBlobs(items, {
      signal: new AbortController().signal,
      onProgress: (p) => seen.push(p),
      createUploader: fake.create,
      now: () => 0,
    });
    expect(seen.map((p) => p.loadedBytes)).toEqual([0, 500, 1000, 1000, 1000, 1250, 1500, 1500]);
    expect(seen.every((p) => p.totalBytes === 1500)).toBe(true);
  });

  it('uploads a small file in 4 MiB blocks with a small single-shot limit so progress moves per block', async () => {
    const fake = fakeUploaders({});
    await uploadBlobs(items.slice(0, 1), {
      signal: new AbortController().signal,
      onProgress: () => undefined,
      createUploader: fake.create,
    });
    expect(fake.calls[0]?.options).toMatchObject({
      blockSize: 4 * 1024 * 1024,
      maxSingleShotSize: 1024 * 1024,
      concurrency: 4,
    });
  });

  it('gives a large blob bigger blocks, about 16 of them, between 4 and 16 MiB', () => {
    const MiB = 1024 * 1024;
    expect(blockSizeFor(0)).toBe(4 * MiB);
    expect(blockSizeFor(10_000_000)).toBe(4 * MiB);
    expect(blockSizeFor(64 * MiB)).toBe(4 * MiB);
    expect(blockSizeFor(64 * MiB + 1)).toBe(5 * MiB);
    // The CSV of 1M rows: 16 blocks of 8 MiB; its NDJSON: 20 blocks of 16 MiB.
    expect(blockSizeFor(131_977_134)).toBe(8 * MiB);
    expect(blockSizeFor(322_974_694)).toBe(16 * MiB);
    expect(blockSizeFor(4_000 * MiB)).toBe(16 * MiB);
  });

  it('asks the uploader for the block size of each blob', async () => {
    const fake = fakeUploaders({});
    const big = { ...items[1]!, data: new Blob([new Uint8Array(200 * 1024 * 1024)]) };
    await uploadBlobs([items[0]!, big], {
      signal: new AbortController().signal,
      onProgress: () => undefined,
      createUploader: fake.create,
    });
    expect(fake.calls.map((call) => call.options.blockSize)).toEqual([
      4 * 1024 * 1024,
      13 * 1024 * 1024,
    ]);
  });

  it('retries a transient failure and reports the attempt', async () => {
    const fake = fakeUploaders({ 'https://s/devices': [restError(503)] });
    const attempts: number[] = [];
    await uploadBlobs(items.slice(0, 1), {
      signal: new AbortController().signal,
      onProgress: (p) => attempts.push(p.attempt),
      createUploader: fake.create,
      sleep: async () => undefined,
    });
    expect(fake.calls).toHaveLength(2);
    expect(attempts).toContain(2);
  });

  it('gives up at once when storage refuses the SAS (403)', async () => {
    const fake = fakeUploaders({ 'https://s/devices': [restError(403)] });
    await expect(
      uploadBlobs(items, {
        signal: new AbortController().signal,
        onProgress: () => undefined,
        createUploader: fake.create,
        sleep: async () => undefined,
      }),
    ).rejects.toMatchObject({ statusCode: 403 });
    expect(fake.calls).toHaveLength(1);
  });

  it('stops after the last allowed attempt', async () => {
    const fake = fakeUploaders({
      'https://s/devices': [restError(500), restError(500), restError(500)],
    });
    await expect(
      uploadBlobs(items, {
        signal: new AbortController().signal,
        onProgress: () => undefined,
        createUploader: fake.create,
        sleep: async () => undefined,
        maxAttempts: 3,
      }),
    ).rejects.toMatchObject({ statusCode: 500 });
    expect(fake.calls).toHaveLength(3);
  });
});
