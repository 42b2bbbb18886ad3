import { queryOptions, useQuery } from '@tanstack/react-query';
import { HubInfoResponse } from '../../../../contracts/api';
import { apiRequest } from '../../../lib/api-client';

export async function getHub(signal?: AbortSignal): Promise<HubInfoResponse> {
  return apiRequest('/api/hub', HubInfoResponse, { signal });
}

/** Polled only while a start waits for the hub's single job slot. */
export const hubQueryOptions = (pollMs: number | false) =>
  queryOptions({ queryKey: ['hub'], queryFn: ({ signal }) => getHub(signal), refetchInterval: pollMs });

export function useHub(enabled: boolean, pollMs: number | false) {
  return useQuery({ ...hubQueryOptions(pollMs), enabled });
}
