import type { BlobServiceClient, ContainerClient } from '@azure/storage-blob';
import type { SetupCheckResult } from '../../contracts/api/setup-check';
import type { HubJobsClient } from '../hub/hub-jobs';
import type { HubTransport } from '../hub/hub-transport';

// What the setup check reaches, passed in by server.ts (real parts) or a test (real parts with one
// misconfiguration planted). Every network call goes through these, never a global.

export type CheckFetch = (
  url: string,
  init: { method: string; headers?: Record<string, string> },
) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

export interface HubGrants {
  /** The container URI with the grant a job's input gets (read). */
  input: string;
  /** The container URI with the grant a job's output gets (read, write, delete). */
  output: string;
}

export interface SetupCheckDeps {
  auth: { issuer: string; jwksUri: string; audience: string; apiScope: string };
  hub: HubJobsClient;
  hubTransport: HubTransport;
  /** How the proxy proves itself to the hub, for the words of the fix. */
  hubAuth: 'sharedAccessPolicy' | 'entra';
  storage: {
    accountName: string;
    blobEndpoint: string;
    auth: 'sharedKey' | 'entra';
    service: BlobServiceClient;
    /** A client for a container SAS URL, through the same TLS trust as the proxy's own calls. */
    containerFromUrl(url: string): ContainerClient;
    /** Mints the grants a keyBased job would get on `container` (the proxy's SAS signer). */
    mintHubGrants(container: ContainerClient, expiresOn: Date): Promise<HubGrants>;
  };
  /** The proxy's outbound fetch (its CA trust, redirects refused). */
  fetch: CheckFetch;
  now: () => Date;
  /** The SPA's origins: the storage account must answer their CORS preflights. */
  appOrigins: readonly string[];
  /** How long the hub's job grants must live (SAS_LIFETIMES.hubJobHours). */
  hubGrantHours: number;
  /** Names a probe container of this run. */
  newProbeName(): string;
}

export interface RunOptions {
  /**
   * Run a tiny identityBased import (an empty file) to prove the hub's identity may use storage.
   * It takes the hub's one job slot for a moment, so it runs on demand only, never at start.
   */
  dryJob: boolean;
}

export type CheckOutcome = Omit<SetupCheckResult, 'id' | 'title'>;

export const ok = (summary: string, details?: Record<string, string>): CheckOutcome => ({
  status: 'ok',
  code: 'OK',
  summary,
  ...(details ? { details } : {}),
});

export const skipped = (summary: string): CheckOutcome => ({
  status: 'skipped',
  code: 'SKIPPED',
  summary,
});
