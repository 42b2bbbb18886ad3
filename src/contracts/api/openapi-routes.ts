import type { z } from 'zod';
import { CreateExportRequest, CreateExportResponse } from './exports';
import { ReadSasResponse } from './files';
import { AppRole, MeResponse } from './identity';
import { CreateImportRequest, CreateImportResponse, StartImportResponse } from './imports';
import { HubCountsResponse, HubInfoResponse, Job, JobListResponse } from './jobs';
import { RegistryLookupRequest, RegistryLookupResponse } from './registry';

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
    path: '/api/hub',
    operationId: 'getHub',
    summary: 'Hub host name, device statistics and the active job',
    roles: both,
    response: HubInfoResponse,
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
    path: '/api/exports',
    operationId: 'createExport',
    summary: 'Start an export job (support staff only with excludeKeys true)',
    roles: both,
    request: CreateExportRequest,
    response: CreateExportResponse,
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
    method: 'GET',
    path: '/api/openapi.json',
    operationId: 'getOpenApi',
    summary: 'This document',
    roles: both,
  },
];
