import { useQuery } from '@tanstack/react-query';
import type { Job } from '../../../../contracts/api';
import { apiPath, apiStream } from '../../../lib/api-client';
import { isApiError } from '../../../lib/api-error';
import { checkPlanOutcome, type PlanCheck } from '../model/check-plan-outcome';
import { isTerminal } from '../job-timing';

async function fileText(jobRef: string, file: string, signal: AbortSignal): Promise<string> {
  try {
    return await (await apiStream(apiPath('jobs', jobRef, 'files', file), signal)).text();
  } catch (error) {
    // No error log at all: the hub had nothing to report.
    if (file === 'errors' && isApiError(error) && error.status === 404) return '';
    throw error;
  }
}

/**
 * The plan checked against what the hub did, for an admin's planned import once it has ended.
 * Planned imports are small (the registry lookup reads at most 1,000 devices), so the three files
 * are read whole.
 */
export function usePlanCheck(job: Job, jobRef: string, enabled: boolean) {
  const ready = enabled && job.backup != null && isTerminal(job) && job.errorLineCount !== null;
  return useQuery<PlanCheck>({
    queryKey: ['jobs', jobRef, 'plan-check'],
    enabled: ready,
    staleTime: Infinity,
    retry: false,
    queryFn: async ({ signal }) => {
      const [jobText, backupText, errorLog] = await Promise.all([
        fileText(jobRef, 'devices', signal),
        fileText(jobRef, 'backup', signal),
        fileText(jobRef, 'errors', signal),
      ]);
      return checkPlanOutcome(jobText, backupText, errorLog);
    },
  });
}
