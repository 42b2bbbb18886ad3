import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error';

// Retry only what may succeed on a second try: network trouble and the server's transient codes.
const TRANSIENT = new Set([
  'NETWORK_ERROR',
  'RATE_LIMITED',
  'HUB_THROTTLED',
  'HUB_UNAVAILABLE',
  'AUTHORITY_UNAVAILABLE',
  'INTERNAL',
  'STORAGE_ERROR',
]);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) =>
          failureCount < 2 && (!isApiError(error) || TRANSIENT.has(error.code)),
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
