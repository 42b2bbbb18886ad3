import type { Identity } from '../model/identity';
import type { JobRecord } from '../jobs/job-record';

// Persistence behind the handlers and job runners, as Azurite keeps its metadata stores behind an
// interface. Methods are synchronous (the SQLite backend is) and never speak HTTP: callers map
// "not there" to the hub's errors.
export interface ScanCursor {
  deviceId: string;
  moduleId: string;
}

export type ScanScope = 'devices' | 'modules' | 'all';

export interface IdentityPage {
  items: Identity[];
  last: ScanCursor | undefined;
}

export interface ExportPage {
  lines: string[];
  last: ScanCursor | undefined;
}

export interface DeviceStatistics {
  totalDeviceCount: number;
  enabledDeviceCount: number;
  disabledDeviceCount: number;
}

export interface StoredConfiguration {
  id: string;
  etag: string;
  doc: Record<string, unknown>;
}

export interface HubStore {
  getIdentity(deviceId: string, moduleId: string): Identity | undefined;
  /** Inserts a new identity; false (and nothing written) when that id already exists. */
  insertIdentity(identity: Identity): boolean;
  updateIdentity(identity: Identity): void;
  /** Removes the identity (and a device's modules); returns how many identities went. */
  deleteIdentity(deviceId: string, moduleId: string): number;
  listModules(deviceId: string): Identity[];
  scanIdentities(after: ScanCursor | undefined, limit: number, scope: ScanScope): IdentityPage;
  /** Export lines (ExportImportDevice JSON) for every identity after the cursor. */
  scanExportLines(after: ScanCursor | undefined, limit: number, excludeKeys: boolean): ExportPage;
  identityCount(): number;
  deviceStatistics(): DeviceStatistics;
  nextEtag(): number;
  /** Runs fn in one transaction; everything written inside commits or rolls back together. */
  transaction<T>(fn: () => T): T;

  saveJob(job: JobRecord): void;
  getJob(jobId: string): JobRecord | undefined;
  listJobs(): JobRecord[];
  deleteJobsStartedBefore(isoTime: string): void;
  appendJobErrors(jobId: string, lines: string[]): void;
  readJobErrors(jobId: string, afterSeq: number, limit: number): { seq: number; line: string }[];

  putConfiguration(configuration: StoredConfiguration): void;
  getConfiguration(id: string): StoredConfiguration | undefined;
  deleteConfiguration(id: string): boolean;
  listConfigurations(): StoredConfiguration[];

  close(): void;
}
