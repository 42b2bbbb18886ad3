import { randomUUID } from 'node:crypto';
import { fetch, type Dispatcher } from 'undici';
import type { HubJobsClient } from '../hub/hub-jobs';
import type { HubTransport } from '../hub/hub-transport';
import { SAS_LIFETIMES } from '../operations/proxy-context';
import { createSasSigner, type BlobTransport, type StorageAuth } from '../storage/sas-signer';
import type { SetupCheckDeps } from './setup-check-deps';
import { storageProbeClients } from './storage-probe-clients';

// The setup check wired to the proxy's own parts (server.ts): its hub client and transport, a SAS
// signer with the same credential and blob transport, its outbound agent (CA trust, redirects
// refused, a deadline per call).

export interface SetupCheckWiring {
  auth: { issuer: string; jwksUri: string; audience: string; apiScope: string };
  hub: HubJobsClient;
  hubTransport: HubTransport;
  hubAuth: SetupCheckDeps['hubAuth'];
  storage: {
    accountName: string;
    blobEndpoint: string;
    auth: StorageAuth;
    transport: BlobTransport;
  };
  agent: Dispatcher;
  now: () => Date;
  appOrigins: readonly string[];
}

export function createSetupCheckDeps(wiring: SetupCheckWiring): SetupCheckDeps {
  const { storage } = wiring;
  const signer = createSasSigner(
    storage.accountName,
    storage.blobEndpoint,
    storage.auth,
    wiring.now,
    storage.transport,
  );
  return {
    auth: {
      issuer: wiring.auth.issuer,
      jwksUri: wiring.auth.jwksUri,
      audience: wiring.auth.audience,
      apiScope: wiring.auth.apiScope,
    },
    hub: wiring.hub,
    hubTransport: wiring.hubTransport,
    hubAuth: wiring.hubAuth,
    storage: {
      accountName: storage.accountName,
      blobEndpoint: storage.blobEndpoint,
      auth: storage.auth.kind === 'sharedKey' ? 'sharedKey' : 'entra',
      ...storageProbeClients(signer, storage.transport),
    },
    fetch: (url, init) =>
      fetch(url, {
        ...init,
        redirect: 'error',
        signal: AbortSignal.timeout(10_000),
        dispatcher: wiring.agent,
      }),
    now: wiring.now,
    appOrigins: wiring.appOrigins,
    hubGrantHours: SAS_LIFETIMES.hubJobHours,
    newProbeName: () => `setup-check-${randomUUID().slice(0, 13)}`,
  };
}
