import { z } from 'zod';
import type { HubTransport } from './hub-transport';
import { HubRequestError } from './hub-errors';

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
}

export interface ExportJobRequest {
  outputBlobContainerUri: string;
  excludeKeysInExport: boolean;
  includeConfigurations: boolean;
}

export interface HubJobsClient {
  hostName: string;
  createImportJob(request: ImportJobRequest): Promise<HubJob>;
  createExportJob(request: ExportJobRequest): Promise<HubJob>;
  getJob(jobId: string): Promise<HubJob>;
  listJobs(): Promise<HubJob[]>;
  cancelJob(jobId: string): Promise<void>;
  getDeviceStatistics(): Promise<DeviceStatistics>;
}

export function createHubJobsClient(transport: HubTransport): HubJobsClient {
  const parse = <T>(schema: z.ZodType<T>, body: unknown): T => {
    const result = schema.safeParse(body);
    if (!result.success)
      throw new HubRequestError(
        502,
        'UnexpectedResponse',
        `unexpected hub response: ${result.error.message}`,
      );
    return result.data;
  };
  return {
    hostName: transport.hostName,
    async createImportJob(request) {
      const body = {
        type: 'import',
        inputBlobContainerUri: request.inputBlobContainerUri,
        outputBlobContainerUri: request.outputBlobContainerUri,
        ...(request.inputBlobName ? { inputBlobName: request.inputBlobName } : {}),
        storageAuthenticationType: 'keyBased',
      };
      const response = await transport.send({
        method: 'POST',
        segments: ['jobs', 'create'],
        body,
        idempotent: false,
      });
      return parse(HubJob, response.body);
    },
    async createExportJob(request) {
      const body = {
        type: 'export',
        outputBlobContainerUri: request.outputBlobContainerUri,
        excludeKeysInExport: request.excludeKeysInExport,
        includeConfigurations: request.includeConfigurations,
        storageAuthenticationType: 'keyBased',
      };
      const response = await transport.send({
        method: 'POST',
        segments: ['jobs', 'create'],
        body,
        idempotent: false,
      });
      return parse(HubJob, response.body);
    },
    async getJob(jobId) {
      return parse(
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
      return parse(z.array(HubJob), response.body ?? []);
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
      return parse(DeviceStatistics, response.body);
    },
  };
}
