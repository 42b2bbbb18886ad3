import { EnqueueResponse } from '../../../contracts/api';
import type { CreateExportRequest } from '../../../contracts/api';
import { apiPath, apiRequest } from '../api-client';

/**
 * POST /api/exports/enqueue: the export's operation exists at once and the server starts its job
 * when its turn comes (docs/proxy.md, "Queue and monitor"). Admins only.
 */
export async function enqueueExport(request: CreateExportRequest): Promise<EnqueueResponse> {
  return apiRequest(apiPath('exports', 'enqueue'), EnqueueResponse, {
    method: 'POST',
    body: request,
  });
}
