import { describe, expect, it } from 'vitest';
import type { Job } from '../../../../../src/contracts/api';
import { computeJobTiming } from '../../../../../src/web/features/jobs/job-timing';

const base: Job = {
  jobId: 'j1',
  operationId: 'op1',
  type: 'import',
  status: 'running',
  progress: 0,
  createdAt: '2026-11-27T10:00:00Z',
  startTimeUtc: '2026-11-27T10:00:00Z',
  endTimeUtc: null,
  failureReason: null,
  startedBy: null,
  fileName: 'a.csv',
  fileSize: 10,
  convertedSize: 10,
  rowCounts: { total: 10000, valid: 9000, invalid: 1000, blank: 0 },
  excludeKeysInExport: null,
  includeConfigurations: null,
  hubHistoryExpired: false,
  deviceCount: null,
  moduleCount: null,
  byMode: null,
  errorLineCount: null,
  label: null,
};
const now = Date.parse('2026-11-27T10:01:00Z');

describe('computeJobTiming', () => {
  it('flags an active job at 0 % as unknown progress and estimates from the row count', () => {
    const timing = computeJobTiming(base, now);
    expect(timing.progressUnknown).toBe(true);
    expect(timing.elapsedMs).toBe(60_000);
    expect(timing.estimatedTotalMs).toBeGreaterThan(0);
    expect(timing.etaMs).toBeNull();
  });

  it('derives devices/s and an ETA from reported progress', () => {
    const timing = computeJobTiming({ ...base, progress: 50 }, now);
    expect(timing.processed).toBe(4500);
    expect(timing.devicesPerSecond).toBe(75);
    expect(timing.etaMs).toBe(60_000);
  });

  it('counts the devices processed from the job file a plan sent, not the valid rows', () => {
    // Two valid rows; the plan left the unchanged one out, so the hub ran one line.
    const planned = {
      ...base,
      status: 'completed' as const,
      progress: 100,
      endTimeUtc: '2026-11-27T10:00:01Z',
      rowCounts: { total: 2, valid: 2, invalid: 0, blank: 0 },
      byMode: { update: 1 },
    };
    expect(computeJobTiming(planned, now).processed).toBe(1);
  });

  it('uses the end time for a finished job and gives no ETA', () => {
    const timing = computeJobTiming(
      { ...base, status: 'completed', progress: 100, endTimeUtc: '2026-11-27T10:00:30Z' },
      now,
    );
    expect(timing.elapsedMs).toBe(30_000);
    expect(timing.etaMs).toBeNull();
    expect(timing.progressUnknown).toBe(false);
  });
});
