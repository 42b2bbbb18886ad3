import { useQuery } from '@tanstack/react-query';
import type { Job } from '../../../../contracts/api';
import { apiPath, apiStream } from '../../../lib/api-client';
import { isApiError } from '../../../lib/api-error';
import { createPlanClient } from '../../../workers/plan/plan-client';
import { checkPlanOutcome, type PlanCheck } from '../model/check-plan-outcome';
import { isTerminal } from '../job-timing';

async function fileBlob(jobRef: string, file: string, signal: AbortSignal): Promise<Blob> {
  try {
    return await (await apiStream(apiPath('jobs', jobRef, 'files', file), signal)).blob();
  } catch (error) {
    // No error log at all: the hub had nothing to report.
    if (file === 'errors' && isApiError(error) && error.status === 404) return new Blob([]);
    throw error;
  }
}

/**
 * The plan checked against what the hub did, for an admin's planned import once it has ended. The
 * three files are read as Blobs and planned in a worker of their own, closed when done.
 */
export function usePlanCheck(job: Job, jobRef: string, enabled: boolean) {
  const ready = enabled && job.backup != null && isTerminal(job) && job.errorLineCount !== null;
  return useQuery<PlanCheck>({
    queryKey: ['jobs', jobRef, 'plan-check'],
    enabled: ready,
    staleTime: Infinity,
    retry: false,
    queryFn: async ({ signal }) => {
      const [jobFile, backup, errors] = await Promise.all([
        fileBlob(jobRef, 'devices', signal),
        fileBlob(jobRef, 'backup', signal),
        fileBlob(jobRef, 'errors', signal),
      ]);
      // Failures reach the open request as its rejection; nothing else is waiting.
      const client = createPlanClient(
        () => undefined,
        () => undefined,
      );
      signal.addEventListener('abort', () => client.close());
      try {
        return await checkPlanOutcome(client, { job: jobFile, backup, errors });
      } finally {
        client.close();
      }
    },
  });
}
