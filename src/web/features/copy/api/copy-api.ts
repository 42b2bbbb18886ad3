import {
  CopyResponse,
  CreateExportResponse,
  HubListResponse,
  Job,
  StartImportResponse,
  type CopyMode,
} from '../../../../contracts/api';
import { apiPath, apiRequest } from '../../../lib/api-client';

// The copy page's calls, each naming its hub (`/api/hubs/{hubId}/...`): a copy spans two hubs,
// so none of them may take the hub from the current route.

export const listHubs = (signal?: AbortSignal) =>
  apiRequest(apiPath('hubs'), HubListResponse, { signal });

export const startSourceExport = (sourceHubId: string) =>
  apiRequest(apiPath('hubs', sourceHubId, 'exports'), CreateExportResponse, {
    method: 'POST',
    body: { excludeKeys: false, includeConfigurations: true, label: 'Source of a copy' },
  });

export const getHubJob = (hubId: string, ref: string, signal?: AbortSignal) =>
  apiRequest(apiPath('hubs', hubId, 'jobs', ref), Job, { signal });

export const createCopy = (
  targetHubId: string,
  request: { sourceHubId: string; sourceExportOperationId: string; mode: CopyMode },
) =>
  apiRequest(apiPath('hubs', targetHubId, 'copies'), CopyResponse, {
    method: 'POST',
    body: request,
  });

export const getCopy = (targetHubId: string, operationId: string, signal?: AbortSignal) =>
  apiRequest(apiPath('hubs', targetHubId, 'copies', operationId), CopyResponse, { signal });

export const startCopyImport = (targetHubId: string, operationId: string) =>
  apiRequest(apiPath('hubs', targetHubId, 'imports', operationId, 'start'), StartImportResponse, {
    method: 'POST',
  });

/** Asked again until the verification is done (copies/verify-copy.ts in the proxy). */
export const verifyCopy = (targetHubId: string, operationId: string) =>
  apiRequest(apiPath('hubs', targetHubId, 'copies', operationId, 'verify'), CopyResponse, {
    method: 'POST',
  });

export const copyReportPath = (targetHubId: string, operationId: string) =>
  apiPath('hubs', targetHubId, 'copies', operationId, 'report');
