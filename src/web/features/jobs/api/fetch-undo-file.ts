import { apiPath, apiStream } from '../../../lib/api-client';

/** GET /api/jobs/{ref}/files/undo (admins only): the import that puts back what this one changed. */
export async function fetchUndoFile(jobRef: string, signal?: AbortSignal): Promise<Blob> {
  const response = await apiStream(apiPath('jobs', jobRef, 'files', 'undo'), signal);
  return response.blob();
}
