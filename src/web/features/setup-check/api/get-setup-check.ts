import { queryOptions, useQuery } from '@tanstack/react-query';
import { SetupCheckResponse } from '../../../../contracts/api';
import { apiRequest } from '../../../lib/api-client';

/** GET /api/setup-check: every part of the deployment tried now (admins). */
export async function getSetupCheck(signal?: AbortSignal): Promise<SetupCheckResponse> {
  return apiRequest('/api/setup-check', SetupCheckResponse, { signal });
}

// A run tries storage, the hub and perhaps a tiny job: it runs when the page opens and when the
// admin asks again, never on a timer or on window focus.
export const setupCheckQueryOptions = () =>
  queryOptions({
    queryKey: ['setup-check'],
    queryFn: ({ signal }) => getSetupCheck(signal),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: false,
  });

export function useSetupCheck() {
  return useQuery(setupCheckQueryOptions());
}
