import { JobStatus, type Job } from '../../contracts/api/jobs';
import type { HubJob } from '../hub/hub-jobs';
import type { OperationMetadata } from '../storage/operation-metadata';
import type { StoredOperation } from '../storage/operation-storage';
import { jobBackupOf } from './backup-files';

// One console Job from the hub's view and our container's audit metadata; either may be missing.
// `scheduled`/`queued` belong to the hub's /jobs/v2
// (docs/reference/hub-wire-contract.md#job-fields) and read as enqueued.

export function toJobStatus(status: string | undefined): JobStatus {
  const lower = (status ?? '').toLowerCase();
  if (lower === 'scheduled' || lower === 'queued') return 'enqueued';
  const parsed = JobStatus.safeParse(lower);
  return parsed.success ? parsed.data : 'unknown';
}

export function isImportExport(job: HubJob): boolean {
  const type = job.type.toLowerCase();
  return type === 'import' || type === 'export';
}

export function toJob(
  hubJob: HubJob | undefined,
  operation: StoredOperation | undefined,
  hubHistoryExpired = false,
): Job {
  const m: Partial<OperationMetadata> = operation?.metadata ?? {};
  const type = hubJob?.type.toLowerCase() === 'export' || m.kind === 'export' ? 'export' : 'import';
  return {
    jobId: hubJob?.jobId ?? m.jobId ?? null,
    operationId: operation?.operationId ?? null,
    type,
    status: hubJob ? toJobStatus(hubJob.status) : (m.finalStatus ?? 'unknown'),
    progress: Math.min(
      100,
      Math.max(0, hubJob?.progress ?? (m.finalStatus === 'completed' ? 100 : 0)),
    ),
    createdAt: m.createdAt ?? hubJob?.startTimeUtc ?? null,
    startTimeUtc: hubJob?.startTimeUtc ?? m.jobStartedAt ?? null,
    endTimeUtc: hubJob?.endTimeUtc ?? m.jobEndedAt ?? null,
    failureReason: hubJob?.failureReason ?? m.failureReason ?? null,
    startedBy: m.createdByOid ? { name: m.createdByName ?? '', objectId: m.createdByOid } : null,
    fileName: m.fileName ?? null,
    fileSize: m.fileSize ?? null,
    convertedSize: m.convertedSize ?? null,
    rowCounts: m.rowCounts ?? null,
    excludeKeysInExport:
      m.excludeKeysInExport ?? (type === 'export' ? (hubJob?.excludeKeysInExport ?? null) : null),
    includeConfigurations: m.includeConfigurations ?? hubJob?.includeConfigurations ?? null,
    deviceCount: m.deviceCount ?? null,
    moduleCount: m.moduleCount ?? null,
    byMode: m.byMode ?? null,
    errorLineCount: m.errorLineCount ?? null,
    label: m.label ?? null,
    hubHistoryExpired,
    backup: jobBackupOf(m),
  };
}

/**
 * Newest first by creation (our metadata) or the hub's start time; operations never started sort by
 * creation.
 */
export function newestFirst(a: Job, b: Job): number {
  const at = a.createdAt ?? a.startTimeUtc ?? '';
  const bt = b.createdAt ?? b.startTimeUtc ?? '';
  return bt.localeCompare(at);
}

export function mergeJobs(hubJobs: HubJob[], operations: StoredOperation[]): Job[] {
  const byJobId = new Map(hubJobs.filter(isImportExport).map((job) => [job.jobId, job]));
  const jobs: Job[] = [];
  for (const operation of operations) {
    const jobId = operation.metadata.jobId;
    const hubJob = jobId ? byJobId.get(jobId) : undefined;
    if (jobId) byJobId.delete(jobId);
    jobs.push(toJob(hubJob, operation, Boolean(jobId) && !hubJob));
  }
  for (const hubJob of byJobId.values()) jobs.push(toJob(hubJob, undefined));
  return jobs.sort(newestFirst);
}
