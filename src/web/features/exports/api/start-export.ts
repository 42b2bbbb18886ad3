import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CreateExportResponse } from '../../../../contracts/api';
import type { CreateExportRequest, Job } from '../../../../contracts/api';
import { apiRequest } from '../../../lib/api-client';

/** POST /api/exports. The proxy refuses keys for support users whatever the body says. */
export async function startExport(
  request: CreateExportRequest,
  signal?: AbortSignal,
): Promise<Job> {
  const response = await apiRequest('/api/exports', CreateExportResponse, {
    method: 'POST',
    body: request,
    signal,
  });
  return response.job;
}

export function useStartExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateExportRequest) => startExport(request),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['exports'] }),
        queryClient.invalidateQueries({ queryKey: ['jobs'] }),
      ]),
  });
}
