import { useMutation, useQueryClient } from '@tanstack/react-query';
import { StartImportResponse } from '../../../../contracts/api';
import { apiPath, apiRequest } from '../../../lib/api-client';

/** POST /api/imports/{operationId}/start: the proxy starts the hub job with its own SAS. */
export async function startImport(
  operationId: string,
  signal?: AbortSignal,
): Promise<StartImportResponse> {
  return apiRequest(apiPath('imports', operationId, 'start'), StartImportResponse, {
    method: 'POST',
    signal,
  });
}

export function useStartImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (operationId: string) => startImport(operationId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['jobs'] }),
  });
}
