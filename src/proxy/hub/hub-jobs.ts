import type { HubJobRequestBody } from '../../core/commands/equivalent-commands';
import { z } from 'zod';
import type { HubTransport } from './hub-transport';
import { parseHubAnswer } from './parse-hub-answer';

// The hub's JobProperties as read (docs/reference/hub-wire-contract.md#job-resource, corrected by
// docs/reference/hub-wire-contract.md#recorded-traffic): null fields are omitted, enums are lower
// case, container URIs are echoed on create only. Parsed leniently, since the hub adds fields over
// time, but the fields we depend on are checked.
export const HubJob = z.object({
  jobId: z.string().min(1),
  type: z.string(),
  status: z.string(),
  progress: z.number().optional(),
  startTimeUtc: z.string().optional().nullable(),
  endTimeUtc: z.string().optional().nullable(),
  failureReason: z.string().optional().nullable(),
  excludeKeysInExport: z.boolean().optional(),
  includeConfigurations: z.boolean().optional(),
});
export type HubJob = z.infer<typeof HubJob>;

const DeviceStatistics = z.object({
  totalDeviceCount: z.number(),
  enabledDeviceCount: z.number(),
  disabledDeviceCount: z.number(),
});
export type DeviceStatistics = z.infer<typeof DeviceStatistics>;

export interface ImportJobRequest {
  inputBlobContainerUri: string;
  outputBlobContainerUri: string;
  /** The blob to import inside the input container; the hub's default is `devices.txt`. */
  inputBlobName?: string;
  /**
   * Also import `configurations.txt` of the input container (a copy's configurations, written by
   * the proxy: copies/create-copy.ts); the hub writes what it refuses to importConfigErrors.log.
   */
  includeConfigurations?: boolean;
}

export interface ExportJobRequest {
  outputBlobContainerUri: string;
  excludeKeysInExport: boolean;
  includeConfigurations: boolean;
}

/**
 * How the hub reaches the job's containers: through the SAS in each URI (`keyBased`), or with its
 * own managed identity (`identityBased`: the system-assigned one, or the user-assigned identity
 * named by its ARM resource id), which then needs Storage Blob Data Contributor on the account.
 */
export type JobStorageAuthentication =
  { type: 'keyBased' } | { type: 'identityBased'; userAssignedIdentity?: string };

export interface HubJobsClient {
  hostName: string;
  storageAuthentication: JobStorageAuthentication['type'];
  /** The storage choice the job bodies carry (for "the command" of a job). */
  jobStorage: JobStorageAuthentication;
  createImportJob(request: ImportJobRequest): Promise<HubJob>;
  createExportJob(request: ExportJobRequest): Promise<HubJob>;
  getJob(jobId: string): Promise<HubJob>;
  listJobs(): Promise<HubJob[]>;
  cancelJob(jobId: string): Promise<void>;
  getDeviceStatistics(): Promise<DeviceStatistics>;
}

/** The storage fields of a job body: a SAS in the URIs (keyBased), or the hub's own identity. */
function storageFieldsOf(
  storage: JobStorageAuthentication,
): Pick<HubJobRequestBody, 'storageAuthenticationType' | 'identity'> {
  return storage.type === 'identityBased'
    ? {
        storageAuthenticationType: 'identityBased',
        ...(storage.userAssignedIdentity
          ? { identity: { userAssignedIdentity: storage.userAssignedIdentity } }
          : {}),
      }
    : { storageAuthenticationType: 'keyBased' };
}

/** The body of `POST /jobs/create` for an import: what is sent, and what "the command" shows. */
export function importJobBody(
  request: ImportJobRequest,
  storage: JobStorageAuthentication = { type: 'keyBased' },
): HubJobRequestBody {
  return {
    type: 'import',
    inputBlobContainerUri: request.inputBlobContainerUri,
    outputBlobContainerUri: request.outputBlobContainerUri,
    ...(request.inputBlobName ? { inputBlobName: request.inputBlobName } : {}),
    ...(request.includeConfigurations ? { includeConfigurations: true } : {}),
    ...storageFieldsOf(storage),
  };
}

export function exportJobBody(
  request: ExportJobRequest,
  storage: JobStorageAuthentication = { type: 'keyBased' },
): HubJobRequestBody {
  return {
    type: 'export',
    outputBlobContainerUri: request.outputBlobContainerUri,
    excludeKeysInExport: request.excludeKeysInExport,
    includeConfigurations: request.includeConfigurations,
    ...storageFieldsOf(storage),
  };
}

export function createHubJobsClient(
  transport: HubTransport,
  storage: JobStorageAuthentication = { type: 'keyBased' },
): HubJobsClient {
  const createJob = async (body: unknown): Promise<HubJob> => {
    const response = await transport.send({
      method: 'POST',
      segments: ['jobs', 'create'],
      body,
      idempotent: false,
    });
    return parseHubAnswer(HubJob, response.body);
  };
  return {
    hostName: transport.hostName,
    storageAuthentication: storage.type,
    jobStorage: storage,
    createImportJob: (request) => createJob(importJobBody(request, storage)),
    createExportJob: (request) => createJob(exportJobBody(request, storage)),
    async getJob(jobId) {
      return parseHubAnswer(
        HubJob,
        (await transport.send({ method: 'GET', segments: ['jobs', jobId], idempotent: true })).body,
      );
    },
    async listJobs() {
      const response = await transport.send({
        method: 'GET',
        segments: ['jobs'],
        idempotent: true,
      });
      return parseHubAnswer(z.array(HubJob), response.body ?? []);
    },
    async cancelJob(jobId) {
      // DELETE is idempotent: cancelling twice leaves the job cancelled.
      await transport.send({ method: 'DELETE', segments: ['jobs', jobId], idempotent: true });
    },
    async getDeviceStatistics() {
      const response = await transport.send({
        method: 'GET',
        segments: ['statistics', 'devices'],
        idempotent: true,
      });
      return parseHubAnswer(DeviceStatistics, response.body);
    },
  };
}
