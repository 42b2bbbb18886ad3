import type { EntraOptions } from './auth/verify-bearer';
import type { ThrottleOptions } from './throttle/create-throttle';
import type { StorageIdentities } from './jobs/blob-clients';

// Everything a caller can choose about one emulator. Times, ids and keys come from here so that
// tests can fix them; the defaults are the production sources (wall clock, random UUIDs, crypto
// random keys).
export interface HubEmulatorOptions {
  dataDir: string;
  tls: { certPem: string; keyPem: string; caCertPath: string };
  host?: string;
  port?: number;
  deviceCap?: number;
  paceDevicesPerSecond?: number;
  apiVersions?: string[];
  strictDeviceIds?: boolean;
  progressMode?: 'per-batch' | 'recorded';
  log?: (line: string) => void;
  /** Lines per import transaction (default 10,000). */
  batchSize?: number;
  /** Whether import lines may set reported properties (default true; docs/hub-emulator.md). */
  importReportedProperties?: boolean;
  /** The instant every timestamp, expiry check and throttle reads (default: the wall clock). */
  clock?: () => Date;
  /**
   * Milliseconds on a steady timer, read only to pace import jobs (default: performance.now). Kept
   * apart from `clock` because pacing schedules work and never stamps data: a frozen test clock
   * must not stall a job, and a wall clock stepped by NTP must not burst or stall one either.
   */
  pacingTimer?: () => number;
  /** Job ids and request ids (tracking ids are request ids without dashes). */
  newId?: () => string;
  /** Generated SAS keys: identities created without keys and new policy keys. */
  newKey?: () => string;
  /** The hub's per-class limits of a tier and unit count; absent = never throttle. */
  throttling?: ThrottleOptions;
  /** Accept Microsoft Entra bearer tokens from this issuer (docs/hub-emulator.md). */
  entra?: EntraOptions;
  /** Refuse SAS tokens, as a hub with local authentication disabled does. */
  disableLocalAuth?: boolean;
  /**
   * The hub's managed identities for identityBased jobs: a storage account key (Azurite) or any
   * TokenCredential. Without them such jobs are refused (BlobContainerValidationError).
   */
  storageIdentities?: StorageIdentities;
  /** CA of a storage endpoint with a private certificate (Azurite on HTTPS with OAuth). */
  storageCaPem?: string;
}

export interface HubEmulatorHandle {
  url: string;
  hostName: string;
  connectionString: string;
  connectionStringFor(
    policy:
      'iothubowner' | 'registryRead' | 'registryReadWrite' | 'service' | 'bulkConsole' | 'device',
  ): string;
  caCertPath: string;
  close(): Promise<void>;
}
