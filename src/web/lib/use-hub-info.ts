import { queryOptions, useQuery } from '@tanstack/react-query';
import { getHubInfo } from './get-hub-info';

// The hub's name and counts are context for every page (the app bar, the overview, confirmation
// phrases), so they are one cached query. Counts change with every import: refreshed every 30 s
// while a page shows them, which is one statistics call and one job list on the hub.
const REFRESH_MS = 30_000;

export const hubInfoQueryOptions = () =>
  queryOptions({
    queryKey: ['hub-info'],
    queryFn: ({ signal }) => getHubInfo(signal),
    refetchInterval: REFRESH_MS,
    staleTime: 10_000,
  });

export function useHubInfo() {
  return useQuery(hubInfoQueryOptions());
}

/** `contoso-prod.azure-devices.net` -> `contoso-prod`: the name admins know their hub by. */
export function hubNameOf(hostName: string): string {
  const dot = hostName.indexOf('.');
  return dot > 0 ? hostName.slice(0, dot) : hostName;
}
