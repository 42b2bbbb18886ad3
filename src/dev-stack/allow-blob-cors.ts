import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';

// The SPA uploads straight to blob storage from its own origin, so the storage account must answer
// CORS preflights for it, as the Azure portal's CORS setting does for a real account.

export interface BlobAccount {
  blobEndpoint: string;
  accountName: string;
  accountKey: string;
}

const PREFLIGHT_CACHE_SECONDS = 600;

export async function allowBlobCors(
  account: BlobAccount,
  origins: readonly string[],
): Promise<void> {
  const service = new BlobServiceClient(
    account.blobEndpoint,
    new StorageSharedKeyCredential(account.accountName, account.accountKey),
    // A kept-alive socket from this one-off call would hold Azurite's shutdown open until it times
    // out.
    { keepAliveOptions: { enable: false } },
  );
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
