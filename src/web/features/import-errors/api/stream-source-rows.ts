import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { detectFormat } from '../../../../core/convert/detect-format';
import { apiPath, apiStream } from '../../../lib/api-client';
import { readTextLines } from '../../../lib/read-text-lines';
import type { ReadProgress } from '../../../lib/read-text-lines';
import { SourceRowCollector } from '../model/collect-source-rows';
import type { SourceRow } from '../model/collect-source-rows';
import type { SourceFileLayout } from '../model/build-failed-rows-in-source-columns';

export interface SourceRows {
  rows: Map<string, SourceRow>;
  /** How a CSV source was written (header, delimiter, BOM, line ends); null for JSON sources. */
  layout: SourceFileLayout | null;
}

/**
 * GET /api/jobs/{jobId}/files/source (the file the admin dropped), keeping only the rows of the
 * failed ids. The format is sniffed from the first chunk the way the conversion does it.
 */
export async function streamSourceRows(
  jobId: string,
  wanted: ReadonlySet<string>,
  onProgress: (progress: ReadProgress) => void,
  signal?: AbortSignal,
): Promise<SourceRows> {
  const response = await apiStream(apiPath('jobs', jobId, 'files', 'source'), signal);
  let collector: SourceRowCollector | null = null;
  const shape = await readTextLines(
    response,
    (lines, first) => {
      collector ??= new SourceRowCollector(detectFormat(lines.slice(0, 50).join('\n')), wanted);
      collector.pushLines(lines, first);
    },
    onProgress,
  );
  const done = collector as SourceRowCollector | null;
  if (!done) return { rows: new Map(), layout: null };
  const rows = done.finish();
  const csv = done.csvLayout();
  return { rows, layout: csv ? { ...csv, ...shape } : null };
}

export function useSourceRows(jobId: string, wanted: ReadonlySet<string> | null) {
  const [progress, setProgress] = useState<ReadProgress>({ bytesRead: 0, totalBytes: null });
  const query = useQuery({
    queryKey: ['jobs', jobId, 'source-rows', wanted?.size ?? 0],
    queryFn: ({ signal }) => streamSourceRows(jobId, wanted ?? new Set(), setProgress, signal),
    enabled: wanted !== null && wanted.size > 0,
    staleTime: Infinity,
    // Arrays of up to a million entries: comparing old and new deeply would cost more than it
    // saves.
    structuralSharing: false,
    retry: false,
  });
  return { ...query, progress };
}
