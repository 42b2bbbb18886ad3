import { queryOptions, useQuery } from '@tanstack/react-query';
import { HubCountsResponse } from '../../../../contracts/api';
import { apiRequest } from '../../../lib/api-client';

// Edge devices, modules and the device cap. The proxy shares one answer for a minute (the hub's
// queries are throttled hard), so asking more often than that would only read the same numbers.
const REFRESH_MS = 60_000;

export async function getHubCounts(signal?: AbortSignal): Promise<HubCountsResponse> {
  return apiRequest('/api/hub/counts', HubCountsResponse, { signal });
}

export const hubCountsQueryOptions = () =>
  queryOptions({
    queryKey: ['hub-counts'],
    queryFn: ({ signal }) => getHubCounts(signal),
    refetchInterval: REFRESH_MS,
    staleTime: REFRESH_MS,
  });

export function useHubCounts() {
  return useQuery(hubCountsQueryOptions());
}
