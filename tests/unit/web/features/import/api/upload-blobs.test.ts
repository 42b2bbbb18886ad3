import { describe, expect, it } from 'vitest';
import type { BlockBlobParallelUploadOptions } from '@azure/storage-blob';
import { uploadBlobs } from '../../../../../../src/web/features/import/api/upload-blobs';
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

  it('uploads in 4 MiB blocks with a small single-shot limit so progress moves per block', async () => {
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
