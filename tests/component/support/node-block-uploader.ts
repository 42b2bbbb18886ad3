import { BlockBlobClient } from '@azure/storage-blob';
import type { BlockUploader } from '../../../src/web/features/import/api/upload-blobs';

/**
 * The storage SDK's own block upload, in Node: there `uploadData` takes a Buffer where a browser
 * gives it the Blob, so the Blob is read into one first (test files are small). Blocks, progress
 * events, retries and the abort signal are the SDK's, against the project's Azurite.
 */
export function nodeBlockUploader(url: string): BlockUploader {
  const client = new BlockBlobClient(url);
  return {
    async uploadData(data, options) {
      return client.uploadData(Buffer.from(await data.arrayBuffer()), options);
    },
  };
}
