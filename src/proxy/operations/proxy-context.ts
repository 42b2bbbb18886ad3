import type { FastifyRequest } from 'fastify';
import type { HubJob, HubJobsClient } from '../hub/hub-jobs';
import type { AuditEntry } from '../http/request-log';
import type { OperationsIndex } from '../operations-index/operations-index';
import type { OperationStorage } from '../storage/operation-storage';

// What every operation needs, passed in rather than imported, so tests and main.ts wire real parts.
export interface ProxyContext {
  hub: HubJobsClient;
  storage: OperationStorage;
  /** What lists and polls read (docs/proxy.md, "Operations index"). */
  index: OperationsIndex;
  now: () => Date;
  /** How long an import's backup and undo files are kept; default 30 days (backup-files.ts). */
  backupRetentionDays?: number;
  audit(request: FastifyRequest, entry: AuditEntry): void;
  /**
   * The hub's import/export jobs as the job monitor last saw them, while that sighting is fresh
   * (monitor/job-monitor.ts); undefined without a monitor or when stale, and callers ask the hub.
   */
  monitoredJobs?: () => readonly HubJob[] | undefined;
  /** Tells the monitor that the hub runs a job its sighting lacks (one started since). */
  nudgeMonitor?: () => void;
}

/**
 * Lifetimes of the SAS grants the proxy mints (docs/proxy.md#storage-one-container-per-operation).
 */
export const SAS_LIFETIMES = {
  /**
   * Browser upload of devices.txt / source.<ext>: long enough for a large file on a slow link,
   * short enough to be useless if leaked later.
   */
  uploadMinutes: 30,
  /** Admin download of one result blob. */
  readMinutes: 10,
  /**
   * The hub's own container SAS. The hub reads the input and writes the output for the whole job,
   * and a job over 1,000,000 devices can run for hours ("about 1 minute per 100 devices" in the
   * hub's bulk sample would be ~7 days at the extreme, but real jobs run far faster); a SAS that
   * expires mid-job fails the job without a way to refresh it, so it gets a full day.
   */
  hubJobHours: 24,
} as const;
