import { RegistryQueryResponse } from '../../../../contracts/api/registry';
import { apiRequest } from '../../../lib/api-client';

/**
 * POST /api/registry/query: the device ids a query in the hub's language selects, at most the
 * proxy's cap (`truncated` says when the hub had more). Ids only: the export in the browser holds
 * what an action needs.
 */
export function queryHubDevices(
  query: string,
  signal?: AbortSignal,
): Promise<RegistryQueryResponse> {
  return apiRequest('/api/registry/query', RegistryQueryResponse, {
    method: 'POST',
    body: { query },
    signal,
  });
}
