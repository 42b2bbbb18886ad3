// The emulator's record of one import/export job
// (docs/reference/hub-wire-contract.md#job-resource). `request` keeps the caller's SAS URIs so that
// a job can resume after a restart; they are never shown on GET.
export type JobType = 'import' | 'export';
export type JobStatus = 'enqueued' | 'running' | 'completed' | 'failed' | 'cancelled';

export interface JobRequest {
  inputBlobContainerUri?: string;
  outputBlobContainerUri: string;
  inputBlobName?: string;
  outputBlobName?: string;
  excludeKeysInExport: boolean;
  includeConfigurations?: boolean;
  configurationsBlobName?: string;
  storageAuthenticationType?: 'keyBased' | 'identityBased';
  /** A user-assigned identity named by an identityBased job (no secret: the options hold those). */
  identity?: { userAssignedIdentity: string };
}

export interface JobRecord {
  jobId: string;
  type: JobType;
  status: JobStatus;
  progress: number;
  startTimeUtc: string;
  endTimeUtc?: string;
  failureReason?: string;
  request: JobRequest;
  /** Import: byte offset of the first unprocessed line. Export: unused (exports restart). */
  position: number;
  totalBytes: number;
  errorCount: number;
}

export const TERMINAL_STATUSES: readonly JobStatus[] = ['completed', 'failed', 'cancelled'];

export function isActive(job: JobRecord): boolean {
  return !TERMINAL_STATUSES.includes(job.status);
}
