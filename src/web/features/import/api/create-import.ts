import { useMutation } from '@tanstack/react-query';
import { CreateImportResponse } from '../../../../contracts/api';
import type { CreateImportRequest } from '../../../../contracts/api';
import { apiRequest } from '../../../lib/api-client';

/**
 * POST /api/imports: records the operation and returns one short-lived SAS URL per blob to upload.
 */
export async function createImport(
  request: CreateImportRequest,
  signal?: AbortSignal,
): Promise<CreateImportResponse> {
  return apiRequest('/api/imports', CreateImportResponse, {
    method: 'POST',
    body: request,
    signal,
  });
}

export function useCreateImport() {
  return useMutation({ mutationFn: (request: CreateImportRequest) => createImport(request) });
}
