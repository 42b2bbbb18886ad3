import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJob } from './get-job';

/**
 * GET /api/jobs/{ref} once, for pages that only name an export (the registry browser, the diff).
 * The key is the exports page's own, so an export the list or the live panel already read is
 * named at once.
 */
export const exportJobOnceQueryOptions = (ref: string) =>
  queryOptions({
    queryKey: ['exports', 'job', ref],
    queryFn: ({ signal }) => getJob(ref, signal),
    // A finished export's name, time and id never change; a running one is not browsed.
    staleTime: Infinity,
  });

export function useExportJobOnce(ref: string | null) {
  return useQuery({ ...exportJobOnceQueryOptions(ref ?? ''), enabled: ref !== null && ref !== '' });
}
