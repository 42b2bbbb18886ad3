import { RegistryLookupResponse } from '../../../../contracts/api';
import type { RegistryLookupId } from '../../../../contracts/api';
import { apiRequest } from '../../../lib/api-client';

/**
 * POST /api/registry/lookup: the hub's current identity and twin (keys included) of up to 1,000
 * devices, as export lines. Modules come along so a delete's undo can bring them back.
 */
export async function lookupRegistry(
  ids: readonly RegistryLookupId[],
  signal?: AbortSignal,
): Promise<RegistryLookupResponse> {
  return apiRequest('/api/registry/lookup', RegistryLookupResponse, {
    method: 'POST',
    body: { ids, includeModules: true },
    signal,
  });
}
