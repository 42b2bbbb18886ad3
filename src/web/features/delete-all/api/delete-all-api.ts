import {
  CreateExportResponse,
  DeleteAllResponse,
  HubListResponse,
  Job,
  StartImportResponse,
} from '../../../../contracts/api';
import { apiPath, apiRequest } from '../../../lib/api-client';

// The delete-all page's calls, each naming its hub (`/api/hubs/{hubId}/...`), so the hub whose
// devices go is the one the admin read and typed, whatever the current route's hub.

export const listHubs = (signal?: AbortSignal) =>
  apiRequest(apiPath('hubs'), HubListResponse, { signal });

export const startBackupExport = (hubId: string) =>
  apiRequest(apiPath('hubs', hubId, 'exports'), CreateExportResponse, {
    method: 'POST',
    body: { excludeKeys: false, includeConfigurations: true, label: 'Backup before delete all' },
  });

export const getHubJob = (hubId: string, ref: string, signal?: AbortSignal) =>
  apiRequest(apiPath('hubs', hubId, 'jobs', ref), Job, { signal });

export const createDeleteAll = (hubId: string, exportOperationId: string) =>
  apiRequest(apiPath('hubs', hubId, 'delete-all'), DeleteAllResponse, {
    method: 'POST',
    body: { exportOperationId },
  });

export const getDeleteAll = (hubId: string, operationId: string, signal?: AbortSignal) =>
  apiRequest(apiPath('hubs', hubId, 'delete-all', operationId), DeleteAllResponse, { signal });

export const startDeleteAll = (hubId: string, operationId: string) =>
  apiRequest(apiPath('hubs', hubId, 'imports', operationId, 'start'), StartImportResponse, {
    method: 'POST',
  });

export const deleteConfigurations = (hubId: string, operationId: string) =>
  apiRequest(
    apiPath('hubs', hubId, 'delete-all', operationId, 'configurations'),
    DeleteAllResponse,
    { method: 'POST' },
  );
