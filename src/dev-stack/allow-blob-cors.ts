import { BlobServiceClient, StorageSharedKeyCredential, newPipeline } from '@azure/storage-blob';
import { storageTlsFor } from '../proxy/http/storage-tls';

// The SPA uploads straight to blob storage from its own origin, so the storage account must answer
// CORS preflights for it, as the Azure portal's CORS setting does for a real account.

export interface BlobAccount {
  blobEndpoint: string;
  accountName: string;
  accountKey: string;
}

const PREFLIGHT_CACHE_SECONDS = 600;

/** `caPem`: the local CA, when Azurite serves HTTPS (identity mode). */
export async function allowBlobCors(
  account: BlobAccount,
  origins: readonly string[],
  caPem?: string,
): Promise<void> {
  const pipeline = newPipeline(
    new StorageSharedKeyCredential(account.accountName, account.accountKey),
    // A kept-alive socket from this one-off call would hold Azurite's shutdown open until it times
    // out.
    { keepAliveOptions: { enable: false } },
  );
  const tls = caPem ? storageTlsFor(caPem) : undefined;
  if (tls) pipeline.factories.push(tls.blobPolicy);
  const service = new BlobServiceClient(account.blobEndpoint, pipeline);
  try {
    await setCors(service, origins);
  } finally {
    tls?.close();
  }
}

async function setCors(service: BlobServiceClient, origins: readonly string[]): Promise<void> {
  await service.setProperties({
    cors: [
      {
        allowedOrigins: [...new Set(origins.map((origin) => new URL(origin).origin))].join(','),
        allowedMethods: 'GET,PUT,HEAD,OPTIONS',
        allowedHeaders: '*',
        exposedHeaders: '*',
        maxAgeInSeconds: PREFLIGHT_CACHE_SECONDS,
      },
    ],
  });
}
