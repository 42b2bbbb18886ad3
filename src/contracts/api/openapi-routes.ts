import type { z } from 'zod';
import { CopyResponse, CreateCopyRequest } from './copies';
import { CreateDeleteAllRequest, DeleteAllResponse } from './delete-all';
import { CreateExportRequest, CreateExportResponse } from './exports';
import { CreateRunRequest, RunResponse } from './runs';
import { ReadSasResponse } from './files';
import { AppRole, HubListResponse, MeResponse } from './identity';
import { CreateImportRequest, CreateImportResponse, StartImportResponse } from './imports';
import { HubCountsResponse, HubInfoResponse, Job, JobCommand, JobListResponse } from './jobs';
import { EnqueueResponse, QueueResponse } from './queue';
import {
  RegistryLookupRequest,
  RegistryLookupResponse,
  RegistryQueryRequest,
  RegistryQueryResponse,
} from './registry';
import { SetupCheckResponse } from './setup-check';

// The proxy's authenticated routes as data: the OpenAPI document at /api/openapi.json is generated
// from this table, and the authorization tests iterate it so a new route cannot skip the matrix.

export interface ApiRouteSpec {
  method: 'GET' | 'POST' | 'DELETE';
  /** OpenAPI path template (`{name}` parameters). */
  path: string;
  operationId: string;
  summary: string;
  roles: readonly AppRole[];
  request?: z.ZodType;
  response?: z.ZodType;
  /** Non-JSON success bodies (file streams). */
  responseContentTypes?: readonly string[];
}

const both = [AppRole.enum.admin, AppRole.enum.support] as const;
const admin = [AppRole.enum.admin] as const;

export const API_ROUTES: readonly ApiRouteSpec[] = [
  {
    method: 'GET',
    path: '/api/me',
    operationId: 'getMe',
    summary: 'The signed-in user and roles',
    roles: both,
    response: MeResponse,
  },
  {
    method: 'GET',
    path: '/api/hubs',
    operationId: 'listHubs',
    summary:
      'The hubs the caller holds a role on, with that role; every other route also lives under /api/hubs/{hubId}',
    roles: both,
    response: HubListResponse,
  },
  {
    method: 'GET',
    path: '/api/hub',
    operationId: 'getHub',
    summary: 'Hub host name, device statistics and the active job',
    roles: both,
    response: HubInfoResponse,
  },
  {
    method: 'GET',
    path: '/api/setup-check',
    operationId: 'getSetupCheck',
    summary:
      'Tries each part of the deployment (sign-in settings, hub rights, storage, SAS, CORS, clock, job slot) and names every problem with its fix',
    roles: admin,
    response: SetupCheckResponse,
  },
  {
    method: 'GET',
    path: '/api/hub/counts',
    operationId: 'getHubCounts',
    summary:
      'Edge device and module counts (registry queries; null when the hub refuses) and the device cap',
    roles: both,
    response: HubCountsResponse,
  },
  {
    method: 'POST',
    path: '/api/imports',
    operationId: 'createImport',
    summary:
      'Create an import operation (container) and upload grants for devices.txt and source.<ext>',
    roles: admin,
    request: CreateImportRequest,
    response: CreateImportResponse,
  },
  {
    method: 'POST',
    path: '/api/imports/{operationId}/start',
    operationId: 'startImport',
    summary: 'Start the hub import job of an uploaded operation',
    roles: admin,
    response: StartImportResponse,
  },
  {
    method: 'POST',
    path: '/api/imports/{operationId}/enqueue',
    operationId: 'enqueueImport',
    summary: 'Queue an uploaded import; it starts when its turn comes and the hub slot is free',
    roles: admin,
    response: EnqueueResponse,
  },
  {
    method: 'POST',
    path: '/api/imports/{operationId}/chunks',
    operationId: 'createRun',
    summary:
      'Split an uploaded import into a run of queued chunks of at most chunkSize devices, with a stop rule',
    roles: admin,
    request: CreateRunRequest,
    response: RunResponse,
  },
  {
    method: 'GET',
    path: '/api/runs/{runId}',
    operationId: 'getRun',
    summary: 'A chunked import: every chunk with its state, job and error count, and the totals',
    roles: both,
    response: RunResponse,
  },
  {
    method: 'POST',
    path: '/api/runs/{runId}/resume',
    operationId: 'resumeRun',
    summary: 'Queue the stopped chunks of a run again, at the back of the queue',
    roles: admin,
    response: RunResponse,
  },
  {
    method: 'GET',
    path: '/api/queue',
    operationId: 'getQueue',
    summary: 'Queued operations with positions and ETAs, and the job holding the hub slot',
    roles: both,
    response: QueueResponse,
  },
  {
    method: 'DELETE',
    path: '/api/queue/{entryId}',
    operationId: 'cancelQueueEntry',
    summary: 'Take a queued operation out of the queue before it starts',
    roles: admin,
    response: EnqueueResponse,
  },
  {
    method: 'POST',
    path: '/api/exports',
    operationId: 'createExport',
    summary: 'Start an export job (support staff only with excludeKeys true)',
    roles: both,
    request: CreateExportRequest,
    response: CreateExportResponse,
  },
  {
    method: 'POST',
    path: '/api/exports/enqueue',
    operationId: 'enqueueExport',
    summary:
      'Queue an export (admins); its operation exists at once and the job starts in turn when the slot is free',
    roles: admin,
    request: CreateExportRequest,
    response: EnqueueResponse,
  },
  {
    method: 'GET',
    path: '/api/jobs',
    operationId: 'listJobs',
    summary: 'Hub jobs merged with operation metadata, newest first',
    roles: both,
    response: JobListResponse,
  },
  {
    method: 'GET',
    path: '/api/jobs/{jobId}',
    operationId: 'getJob',
    summary: 'One job (hub job id or operation id)',
    roles: both,
    response: Job,
  },
  {
    method: 'GET',
    path: '/api/jobs/{jobId}/command',
    operationId: 'getJobCommand',
    summary: 'The hub request and az command behind a job the console started, secrets redacted',
    roles: both,
    response: JobCommand,
  },
  {
    method: 'DELETE',
    path: '/api/jobs/{jobId}',
    operationId: 'cancelJob',
    summary: 'Cancel a running job',
    roles: admin,
    response: Job,
  },
  {
    method: 'GET',
    path: '/api/jobs/{jobId}/files/{file}',
    operationId: 'readJobFile',
    summary: 'Stream one result file; device keys are masked for support staff',
    roles: both,
    responseContentTypes: ['application/x-ndjson', 'text/plain'],
  },
  {
    method: 'POST',
    path: '/api/jobs/{jobId}/files/{file}/sas',
    operationId: 'createJobFileReadSas',
    summary: 'A read-only URL for one result blob, valid about 10 minutes',
    roles: admin,
    response: ReadSasResponse,
  },
  {
    method: 'POST',
    path: '/api/registry/lookup',
    operationId: 'lookupRegistry',
    summary:
      'Current identity and twin of up to 1000 devices or modules, as export lines with keys',
    roles: admin,
    request: RegistryLookupRequest,
    response: RegistryLookupResponse,
  },
  {
    method: 'POST',
    path: '/api/copies',
    operationId: 'createCopy',
    summary:
      "Rewrite another hub's export with keys into an import of this hub (admin of both hubs)",
    roles: admin,
    request: CreateCopyRequest,
    response: CopyResponse,
  },
  {
    method: 'GET',
    path: '/api/copies/{operationId}',
    operationId: 'getCopy',
    summary: 'A copy into this hub: its counts, its import job and its verification',
    roles: admin,
    response: CopyResponse,
  },
  {
    method: 'GET',
    path: '/api/copies/{operationId}/report',
    operationId: 'getCopyReport',
    summary: 'The lines a copy left out or adjusted, with the reason (no keys)',
    roles: admin,
    responseContentTypes: ['application/x-ndjson'],
  },
  {
    method: 'POST',
    path: '/api/copies/{operationId}/verify',
    operationId: 'verifyCopy',
    summary: "Export this hub and diff it against the copy's source; ask again until done",
    roles: admin,
    response: CopyResponse,
  },
  {
    method: 'POST',
    path: '/api/delete-all',
    operationId: 'createDeleteAll',
    summary:
      'From an export with keys (the backup), write the import that deletes every device of this hub',
    roles: admin,
    request: CreateDeleteAllRequest,
    response: DeleteAllResponse,
  },
  {
    method: 'GET',
    path: '/api/delete-all/{operationId}',
    operationId: 'getDeleteAll',
    summary: 'A delete-all of this hub: its counts, its job and its configurations',
    roles: admin,
    response: DeleteAllResponse,
  },
  {
    method: 'POST',
    path: '/api/delete-all/{operationId}/configurations',
    operationId: 'deleteAllConfigurations',
    summary: "After the job, delete the backup's configurations one by one (404 counts as gone)",
    roles: admin,
    response: DeleteAllResponse,
  },
  {
    method: 'POST',
    path: '/api/registry/query',
    operationId: 'queryRegistry',
    summary: "The device ids a query in the hub's language selects, at most 10,000",
    roles: admin,
    request: RegistryQueryRequest,
    response: RegistryQueryResponse,
  },
  {
    method: 'GET',
    path: '/api/openapi.json',
    operationId: 'getOpenApi',
    summary: 'This document',
    roles: both,
  },
];
