import type { Job } from '../../../../../../src/contracts/api';

/**
 * A completed keys-excluded export as the jobs API returns it; tests override what they look at.
 */
export function exportJob(overrides: Partial<Job>): Job {
  return {
    jobId: 'job-1',
    operationId: 'export-20261127-abcdefghij',
    type: 'export',
    status: 'completed',
    progress: 100,
    createdAt: '2026-11-27T10:00:00Z',
    startTimeUtc: '2026-11-27T10:00:01Z',
    endTimeUtc: '2026-11-27T10:01:00Z',
    failureReason: null,
    startedBy: { name: 'Ada Admin', objectId: 'oid-1' },
    fileName: null,
    fileSize: null,
    convertedSize: null,
    rowCounts: null,
    excludeKeysInExport: true,
    includeConfigurations: false,
    deviceCount: null,
    moduleCount: null,
    byMode: null,
    errorLineCount: null,
    label: null,
    hubHistoryExpired: false,
    ...overrides,
  };
}
