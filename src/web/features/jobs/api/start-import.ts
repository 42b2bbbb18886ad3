import { StartImportResponse } from '../../../../contracts/api';
import { apiPath, apiRequest } from '../../../lib/api-client';

/**
 * POST /api/imports/{operationId}/start, for an upload whose start never happened (closed tab, busy
 * slot).
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
