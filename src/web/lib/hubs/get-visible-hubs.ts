import { queryOptions } from '@tanstack/react-query';
import { HubListResponse } from '../../../contracts/api';
import { apiRequest } from '../api-client';
import { hubApiBase } from './console-hub';
import type { ConsoleHub } from './console-hub';

/** GET /api/hubs: only the hubs the signed-in user has a role on, with that role. */
export async function getVisibleHubs(signal?: AbortSignal): Promise<ConsoleHub[]> {
  const { hubs } = await apiRequest('/api/hubs', HubListResponse, { signal });
  return hubs.map((hub) => ({ ...hub, apiBase: hubApiBase(hub.id) }));
}

// Roles change only when an administrator edits the app's role assignments: read once a session.
export const visibleHubsQueryOptions = () =>
  queryOptions({
    queryKey: ['visible-hubs'],
    queryFn: ({ signal }) => getVisibleHubs(signal),
    staleTime: Infinity,
  });
