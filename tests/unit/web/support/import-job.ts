import type { Job } from '../../../../src/contracts/api';

/** A completed import of 15 rows with no error lines, as the jobs API returns it. */
export function importJob(overrides: Partial<Job> = {}): Job {
  return {
    jobId: 'job-1',
    operationId: 'import-20261204-abcdefghij',
    type: 'import',
    status: 'completed',
    progress: 100,
    createdAt: null,
    startTimeUtc: null,
    endTimeUtc: null,
    failureReason: null,
    startedBy: null,
    fileName: 'devices.csv',
    fileSize: 10,
    convertedSize: 10,
    rowCounts: { total: 15, valid: 15, invalid: 0, blank: 0 },
    excludeKeysInExport: null,
    includeConfigurations: null,
    deviceCount: null,
    moduleCount: null,
    byMode: { create: 15 },
    errorLineCount: 0,
    label: null,
    hubHistoryExpired: false,
    ...overrides,
  };
}
