import { queryOptions, useQuery } from '@tanstack/react-query';
import { QueueResponse } from '../../../contracts/api';
import { apiRequest } from '../api-client';
import { isApiError } from '../api-error';

// GET /api/queue: the hub's waiting operations, the job holding the slot and the ETAs. The queue
// lives on the server (docs/proxy.md, "Queue and monitor"), so this is only a view of it: every
// open page shares one cached query, refreshed every 5 s while shown.
const REFRESH_MS = 5_000;

export async function getQueue(signal?: AbortSignal): Promise<QueueResponse> {
  return apiRequest('/api/queue', QueueResponse, { signal });
}

export const queueQueryOptions = () =>
  queryOptions({
    queryKey: ['queue'],
    queryFn: ({ signal }) => getQueue(signal),
    // A deployment without a queue answers QUEUE_DISABLED for good: no point asking again.
    refetchInterval: (query) =>
      isApiError(query.state.error) && query.state.error.code === 'QUEUE_DISABLED'
        ? false
        : REFRESH_MS,
    retry: (failures, error) =>
      !(isApiError(error) && error.code === 'QUEUE_DISABLED') && failures < 2,
    staleTime: 2_000,
  });

export function useQueue(enabled = true) {
  return useQuery({ ...queueQueryOptions(), enabled });
}
