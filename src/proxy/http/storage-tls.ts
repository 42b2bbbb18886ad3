import { Agent } from 'node:https';
import type { RequestPolicyFactory, WebResource } from '@azure/storage-blob';

// Storage behind a certificate of a private CA (Azurite on HTTPS with the dev stack's local CA,
// which its OAuth mode needs: Azurite refuses a bearer token over plain HTTP). The storage SDKs do
// not use the proxy's undici agent, so the CA is handed to each through its own pipeline.

export interface StorageTls {
  /** For @azure/storage-blob: a policy that sends every request through an agent trusting the CA. */
  blobPolicy: RequestPolicyFactory;
  /** For @azure/data-tables (core-rest-pipeline's `tlsOptions`). */
  tableTlsOptions: { ca: string };
  close(): void;
}

export function storageTlsFor(caPem: string): StorageTls {
  const agent = new Agent({ ca: caPem, keepAlive: true });
  return {
    blobPolicy: {
      create: (next) => ({
        sendRequest: (request: WebResource) => {
          if (request.url.startsWith('https:')) request.agent = agent;
          return next.sendRequest(request);
        },
      }),
    },
    tableTlsOptions: { ca: caPem },
    close: () => agent.destroy(),
  };
}
