import { BlockBlobClient } from '@azure/storage-blob';

// Exposed to Playwright: one browser upload of the chosen file with the console's settings but
// the block size given, timed on the page's clock.
const MiB = 1024 * 1024;

async function runUpload(url: string, blockSize: number): Promise<number> {
  const file = (document.getElementById('file') as HTMLInputElement).files?.[0];
  if (!file) throw new Error('no file chosen');
  const start = performance.now();
  await new BlockBlobClient(url).uploadData(file, {
    blockSize,
    maxSingleShotSize: 1 * MiB,
    concurrency: 4,
  });
  return performance.now() - start;
}

(window as unknown as { runUpload: typeof runUpload }).runUpload = runUpload;
