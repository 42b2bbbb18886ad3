import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { apiPath, apiStream } from '../../../lib/api-client';
import type { ReadProgress } from '../../../lib/read-text-lines';
import { parseErrorLogResponse } from './parse-error-log-response';
import type { ErrorLog } from './parse-error-log-response';

/** GET /api/jobs/{jobId}/files/errors, parsed in a worker as it streams in. */
export async function streamErrorLog(
  jobId: string,
  onProgress: (progress: ReadProgress) => void,
  signal?: AbortSignal,
): Promise<ErrorLog> {
  const response = await apiStream(apiPath('jobs', jobId, 'files', 'errors'), signal);
  return parseErrorLogResponse(response, onProgress);
}

export function useErrorLog(jobId: string) {
  const [progress, setProgress] = useState<ReadProgress>({ bytesRead: 0, totalBytes: null });
  const query = useQuery({
    queryKey: ['jobs', jobId, 'errors-log'],
    queryFn: ({ signal }) => streamErrorLog(jobId, setProgress, signal),
    staleTime: Infinity,
    // Arrays of up to a million entries: comparing old and new deeply would cost more than it
    // saves.
    structuralSharing: false,
  });
  return { ...query, progress };
}
