import type { HubInfoResponse, Job } from '../../../../contracts/api';

// The hub runs one import or export job at a time (403 JobQuotaExceeded otherwise; see
// src/proxy/operations/active-job.ts).
// Who holds that slot decides whether a new import starts now or waits, so the overview says it
// in words: free, one of ours (with a link), or a job someone started outside this console.

export type JobSlot =
  | { kind: 'free' }
  | { kind: 'ours'; job: Job }
  | { kind: 'outside'; jobId: string; type: 'import' | 'export'; status: string };

export function describeJobSlot(
  activeJob: HubInfoResponse['activeJob'],
  operations: readonly Job[],
): JobSlot {
  if (!activeJob) return { kind: 'free' };
  const ours = operations.find((job) => job.jobId === activeJob.jobId);
  if (ours) return { kind: 'ours', job: ours };
  return {
    kind: 'outside',
    jobId: activeJob.jobId,
    type: activeJob.type,
    status: activeJob.status,
  };
}
