import { EnqueueResponse } from '../../../contracts/api';
import { apiPath, apiRequest } from '../api-client';

/** POST /api/imports/{id}/enqueue: the server starts the import when its turn comes. */
export async function enqueueImport(operationId: string): Promise<EnqueueResponse> {
  return apiRequest(apiPath('imports', operationId, 'enqueue'), EnqueueResponse, {
    method: 'POST',
  });
}
