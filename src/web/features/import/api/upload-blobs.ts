import { BlockBlobClient } from '@azure/storage-blob';
import type { BlockBlobParallelUploadOptions } from '@azure/storage-blob';
import { isTransientUploadError } from '../model/is-transient-upload-error';

// The only module that touches @azure/storage-blob in the browser (house style: one module per
// external system). The SAS URLs come from the proxy and grant write on exactly one blob each.

export interface UploadItem {
  url: string;
  data: Blob;
  contentType: string;
}

export interface UploadProgress {
  loadedBytes: number;
  totalBytes: number;
  elapsedMs: number;
  attempt: number;
}

/** The slice of BlockBlobClient this module uses; tests pass a fake. */
export interface BlockUploader {
  uploadData(data: Blob, options: BlockBlobParallelUploadOptions): Promise<unknown>;
}

export interface UploadOptions {
  signal: AbortSignal;
  onProgress: (progress: UploadProgress) => void;
  maxAttempts?: number;
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  createUploader?: (url: string) => BlockUploader;
}

function createBlockBlobUploader(url: string): BlockUploader {
  return new BlockBlobClient(url, undefined, {
    retryOptions: { maxTries: 4, retryDelayInMs: 1000, maxRetryDelayInMs: 8000 },
  });
}

const MiB = 1024 * 1024;
const MIN_BLOCK = 4 * MiB;
const MAX_BLOCK = 16 * MiB;
const BLOCKS_FOR_PROGRESS = 16;

/**
 * Each block is a request of its own (and, its block id being in the URL, usually a CORS preflight
 * of its own too), and the browser pays per request: small blocks cost throughput
 * (docs/reference/stack-facts.md#uploads-from-the-browser). 10 and 16 MiB blocks took a 132 MB
 * file up about 20% and 27% faster than 4 MiB
 * (docs/reference/measured-baselines.md#drop-to-completed-in-the-console), so a large blob goes up
 * in blocks as big as still give the progress bar about 16 steps, from 4 MiB (a small file keeps
 * moving the bar per block) up to 16 MiB.
 */
export function blockSizeFor(size: number): number {
  const perStep = Math.ceil(size / BLOCKS_FOR_PROGRESS / MiB) * MiB;
  return Math.min(MAX_BLOCK, Math.max(MIN_BLOCK, perStep));
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new DOMException('Upload cancelled', 'AbortError'));
      },
      { once: true },
    );
  });
}

/**
 * Uploads the blobs one after another as block blobs. A small maxSingleShotSize forces block upload
 * even for small files, because a single-shot Put Blob from the browser reports progress only once,
 * at the end (docs/reference/stack-facts.md#uploads-from-the-browser). Each block request is
 * retried by the SDK's pipeline; a failed whole upload is retried from the start on transient
 * errors, up to maxAttempts.
 */
export async function uploadBlobs(
  items: readonly UploadItem[],
  options: UploadOptions,
): Promise<void> {
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? abortableSleep;
  const maxAttempts = options.maxAttempts ?? 3;
  const createUploader = options.createUploader ?? createBlockBlobUploader;
  const totalBytes = items.reduce((sum, item) => sum + item.data.size, 0);
  const startedAt = now();
  let doneBytes = 0;
  for (const item of items) {
    for (let attempt = 1; ; attempt += 1) {
      const client = createUploader(item.url);
      const report = (loaded: number) =>
        options.onProgress({
          loadedBytes: doneBytes + loaded,
          totalBytes,
          elapsedMs: now() - startedAt,
          attempt,
        });
      try {
        report(0);
        await client.uploadData(item.data, {
          blockSize: blockSizeFor(item.data.size),
          maxSingleShotSize: 1 * MiB,
          concurrency: 4,
          abortSignal: options.signal,
          blobHTTPHeaders: { blobContentType: item.contentType },
          onProgress: (event) => report(event.loadedBytes),
        });
        break;
      } catch (error) {
        if (options.signal.aborted || attempt >= maxAttempts || !isTransientUploadError(error))
          throw error;
        await sleep(1000 * 2 ** (attempt - 1), options.signal);
      }
    }
    doneBytes += item.data.size;
    options.onProgress({
      loadedBytes: doneBytes,
      totalBytes,
      elapsedMs: now() - startedAt,
      attempt: 1,
    });
  }
}
