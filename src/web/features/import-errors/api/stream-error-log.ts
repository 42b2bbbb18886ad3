import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { apiPath, apiStream } from '../../../lib/api-client';
import { readTextLines } from '../../../lib/read-text-lines';
import type { ReadProgress } from '../../../lib/read-text-lines';
import { parseImportErrorLine } from '../../../../core/import-errors';
import type { ImportErrorEntry } from '../../../../core/import-errors';

/** GET /api/jobs/{jobId}/files/errors, parsed line by line as it streams in. */
export async function streamErrorLog(jobId: string, onProgress: (progress: ReadProgress) => void, signal?: AbortSignal): Promise<ImportErrorEntry[]> {
  const response = await apiStream(apiPath('jobs', jobId, 'files', 'errors'), signal);
  const entries: ImportErrorEntry[] = [];
  await readTextLines(
    response,
    (lines, first) => {
      lines.forEach((line, index) => {
        const entry = parseImportErrorLine(line, first + index);
        if (entry) entries.push(entry);
      });
    },
    onProgress,
  );
  return entries;
}

export function useErrorLog(jobId: string) {
  const [progress, setProgress] = useState<ReadProgress>({ bytesRead: 0, totalBytes: null });
  const query = useQuery({
    queryKey: ['jobs', jobId, 'errors-log'],
    queryFn: ({ signal }) => streamErrorLog(jobId, setProgress, signal),
    staleTime: Infinity,
    // Arrays of up to a million entries: comparing old and new deeply would cost more than it saves.
    structuralSharing: false,
  });
  return { ...query, progress };
}
