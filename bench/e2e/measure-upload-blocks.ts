import { join } from 'node:path';
import {
  BlobSASPermissions,
  BlobServiceClient,
  generateBlobSASQueryParameters,
  StorageSharedKeyCredential,
} from '@azure/storage-blob';
import { allowBlobCors } from '../../src/dev-stack/allow-blob-cors';
import { startAzurite } from '../../src/dev-stack/azurite';
import { median } from '../convert/bench-stats';
import { inFreshChromium, withBenchPage } from '../chromium-bench';

// `npm run bench -- e2e --upload-blocks`: the console's browser upload of one file to Azurite with
// 4, 10 and 16 MiB blocks, the sizes alternated round-robin with the order rotated each round, and
// Node's uploadFile (4 MiB) of the same file in the same round: what the block size of
// src/web/features/import/api/upload-blobs.ts rests on.

const MiB = 1024 * 1024;
const SIZES = [4, 10, 16];
const round3 = (n: number): number => Math.round(n * 1000) / 1000;

export async function measureUploadBlocks(
  file: string,
  rounds: number,
): Promise<Record<string, unknown>> {
  const azurite = await startAzurite({ host: '127.0.0.1', port: 0 });
  try {
    const credential = new StorageSharedKeyCredential(azurite.accountName, azurite.accountKey);
    const service = new BlobServiceClient(azurite.blobEndpoint, credential);
    const container = service.getContainerClient('blocks');
    await container.create();
    const sasFor = (blob: string): string => {
      const sas = generateBlobSASQueryParameters(
        {
          containerName: 'blocks',
          blobName: blob,
          permissions: BlobSASPermissions.parse('cw'),
          expiresOn: new Date(Date.now() + 3_600_000),
        },
        credential,
      );
      return `${container.getBlockBlobClient(blob).url}?${sas.toString()}`;
    };
    const browser: Record<number, number[]> = Object.fromEntries(SIZES.map((s) => [s, []]));
    const node: number[] = [];
    await withBenchPage(
      {
        html: join(import.meta.dirname, 'browser/upload-page.html'),
        workers: { 'upload-page': join(import.meta.dirname, 'browser/upload-page.ts') },
      },
      async (pageUrl) => {
        await allowBlobCors(azurite, [pageUrl]);
        for (let round = 0; round < rounds; round++) {
          const order = SIZES.map((_, i) => SIZES[(i + round) % SIZES.length] as number);
          for (const size of order) {
            const url = sasFor(`browser-${round}-${size}`);
            const { ms } = await inFreshChromium(pageUrl, async (page) => {
              await page.setInputFiles('#file', file);
              return {
                ms: await page.evaluate(
                  ([u, b]) =>
                    (
                      window as unknown as { runUpload(u: string, b: number): Promise<number> }
                    ).runUpload(u as string, b as number),
                  [url, size * MiB],
                ),
              };
            });
            browser[size]?.push(ms / 1000);
          }
          const start = performance.now();
          await container
            .getBlockBlobClient(`node-${round}`)
            .uploadFile(file, { blockSize: 4 * MiB, concurrency: 4 });
          node.push((performance.now() - start) / 1000);
        }
      },
    );
    return {
      rounds,
      nodeUploadFileS: round3(median(node)),
      browserS: Object.fromEntries(SIZES.map((s) => [`${s}MiB`, round3(median(browser[s] ?? []))])),
      perRound: { node: node.map(round3), browser },
    };
  } finally {
    await azurite.close();
  }
}
