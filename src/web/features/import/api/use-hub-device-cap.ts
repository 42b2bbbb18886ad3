import { useQuery } from '@tanstack/react-query';
import { HubCountsResponse } from '../../../../contracts/api';
import { apiRequest } from '../../../lib/api-client';

// The hub's device cap as the proxy is configured with it (GET /api/hub/counts; the hub does not
// report its own), for the plan's quota check (docs/plan-and-undo.md, "The device cap"). Same
// query key as the overview's counts, so the two share one answer a minute.
const REFRESH_MS = 60_000;

export function useHubDeviceCap(): number | null {
  const counts = useQuery({
    queryKey: ['hub-counts'],
    queryFn: ({ signal }) => apiRequest('/api/hub/counts', HubCountsResponse, { signal }),
    staleTime: REFRESH_MS,
  });
  return counts.data?.deviceCap ?? null;
}
