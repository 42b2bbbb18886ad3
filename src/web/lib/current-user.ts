import { queryOptions, useQuery } from '@tanstack/react-query';
import { MeResponse } from '../../contracts/api';
import { apiRequest } from './api-client';

// Who is signed in, as the proxy sees it (the token's roles mapped to admin/support). Shared by
// every feature because role decides what each page offers; the proxy enforces the same rules
// anyway.
export interface CurrentUser extends MeResponse {
  isAdmin: boolean;
}

export async function getMe(signal?: AbortSignal): Promise<CurrentUser> {
  const me = await apiRequest('/api/me', MeResponse, { signal });
  return { ...me, isAdmin: me.roles.includes('admin') };
}

export const meQueryOptions = () =>
  queryOptions({ queryKey: ['me'], queryFn: ({ signal }) => getMe(signal), staleTime: 5 * 60_000 });

export function useCurrentUser() {
  return useQuery(meQueryOptions());
}

/** True only once the proxy has confirmed the Admin role; unknown means "not admin". */
export function useIsAdmin(): boolean {
  return useCurrentUser().data?.isAdmin ?? false;
}
