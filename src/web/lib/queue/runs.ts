import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { RunResponse } from '../../../contracts/api';
import type { CreateRunRequest } from '../../../contracts/api';
import { apiPath, apiRequest } from '../api-client';

// Chunked imports (docs/proxy.md, "Chunked imports"): split an uploaded import into a run of
// queued chunks, follow it, resume it after its stop rule fired. The run lives on the server; the
// page only shows it, refreshed every 3 s until every chunk has ended.
const REFRESH_MS = 3_000;

/** POST /api/imports/{id}/chunks. */
export async function createRun(
  operationId: string,
  request: CreateRunRequest,
): Promise<RunResponse> {
  return apiRequest(apiPath('imports', operationId, 'chunks'), RunResponse, {
    method: 'POST',
    body: request,
  });
}

export const runQueryOptions = (runId: string) =>
  queryOptions({
    queryKey: ['runs', runId],
    queryFn: ({ signal }) => apiRequest(apiPath('runs', runId), RunResponse, { signal }),
    refetchInterval: (query) => (query.state.data?.state === 'completed' ? false : REFRESH_MS),
  });

export function useRun(runId: string) {
  return useQuery(runQueryOptions(runId));
}

/** POST /api/runs/{id}/resume: the stopped chunks go back into the queue. */
export function useResumeRun(runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest(apiPath('runs', runId, 'resume'), RunResponse, { method: 'POST' }),
    onSuccess: (run) => queryClient.setQueryData(['runs', runId], run),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['queue'] }),
  });
}
