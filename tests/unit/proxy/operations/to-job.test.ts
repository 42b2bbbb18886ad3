import { describe, expect, it } from 'vitest';
import type { HubJob } from '../../../../src/proxy/hub/hub-jobs';
import { findActiveJob } from '../../../../src/proxy/operations/active-job';
import { mergeJobs, toJobStatus } from '../../../../src/proxy/operations/to-job';
import type { StoredOperation } from '../../../../src/proxy/storage/operation-storage';

const hubJob = (jobId: string, status: string, startTimeUtc: string, type = 'import'): HubJob => ({
  jobId,
  type,
  status,
  progress: 50,
  startTimeUtc,
});
const operation = (operationId: string, createdAt: string, jobId?: string): StoredOperation => ({
  operationId,
  metadata: {
    kind: 'import',
    createdAt,
    createdByName: 'Ada',
    createdByOid: 'oid-ada',
    fileName: `${operationId}.csv`,
    ...(jobId ? { jobId } : {}),
  },
});

describe('mergeJobs', () => {
  it('joins hub jobs to their containers, keeps forgotten and unstarted operations, newest first', () => {
    const jobs = mergeJobs(
      [
        hubJob('j2', 'running', '2026-11-27T10:00:00Z'),
        hubJob('j3', 'completed', '2026-11-26T09:00:00Z'),
        hubJob('other', 'completed', '2026-11-27T11:00:00Z', 'backup'),
      ],
      [
        operation('import-20261127-bbbbbbbbbb', '2026-11-27T09:59:00Z', 'j2'),
        operation('import-20260101-aaaaaaaaaa', '2026-01-01T08:00:00Z', 'forgotten'),
        operation('import-20261127-cccccccccc', '2026-11-27T12:00:00Z'),
      ],
    );
    expect(
      jobs.map((job) => [job.jobId, job.operationId, job.status, job.hubHistoryExpired]),
    ).toEqual([
      [null, 'import-20261127-cccccccccc', 'unknown', false],
      ['j2', 'import-20261127-bbbbbbbbbb', 'running', false],
      ['j3', null, 'completed', false],
      ['forgotten', 'import-20260101-aaaaaaaaaa', 'unknown', true],
    ]);
    expect(jobs[1]).toMatchObject({
      fileName: 'import-20261127-bbbbbbbbbb.csv',
      startedBy: { name: 'Ada', objectId: 'oid-ada' },
      progress: 50,
    });
  });
});

describe('a job the hub has forgotten', () => {
  it('shows the final status recorded in its metadata', () => {
    const forgotten = operation('import-20260101-aaaaaaaaaa', '2026-01-01T08:00:00Z', 'gone');
    forgotten.metadata.finalStatus = 'completed';
    forgotten.metadata.jobEndedAt = '2026-01-01T09:00:00Z';
    expect(mergeJobs([], [forgotten])[0]).toMatchObject({
      status: 'completed',
      progress: 100,
      endTimeUtc: '2026-01-01T09:00:00Z',
      hubHistoryExpired: true,
    });
  });
});

describe('job status', () => {
  it('reads the hub enums case-insensitively and folds /jobs/v2 states into enqueued', () => {
    expect(['Running', 'queued', 'scheduled', 'weird'].map(toJobStatus)).toEqual([
      'running',
      'enqueued',
      'enqueued',
      'unknown',
    ]);
  });

  it('finds the one active import/export job', () => {
    expect(
      findActiveJob([hubJob('a', 'completed', ''), hubJob('b', 'enqueued', '', 'export')])?.jobId,
    ).toBe('b');
    expect(
      findActiveJob([hubJob('a', 'failed', ''), hubJob('c', 'running', '', 'backup')]),
    ).toBeUndefined();
  });
});
