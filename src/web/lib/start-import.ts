import { StartImportResponse } from '../../contracts/api';
import { apiPath, apiRequest } from './api-client';

/**
 * POST /api/imports/{operationId}/start: the proxy starts the hub job with its own SAS. The wizard
 * calls it after its upload; the jobs page for an upload whose start never happened (closed tab,
 * busy slot).
 */
export async function startImport(
  operationId: string,
  signal?: AbortSignal,
): Promise<StartImportResponse> {
  return apiRequest(apiPath('imports', operationId, 'start'), StartImportResponse, {
    method: 'POST',
    signal,
  });
}
