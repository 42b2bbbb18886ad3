import { describe, expect, it } from 'vitest';
import type { HubJob } from '../../../../src/proxy/hub/hub-jobs';
import {
  claimExpired,
  findClaimedJob,
  newestJobStart,
} from '../../../../src/proxy/operations/find-claimed-job';
import type { OperationsIndex } from '../../../../src/proxy/operations-index/operations-index';
import type { StoredOperation } from '../../../../src/proxy/storage/operation-storage';

// Which hub job a claimed but unrecorded start created, decided from the hub's list and the index
// alone. The hub side is covered for real by tests/integration/proxy/start-exactly-once.test.ts.

const OURS = 'import-20261204-abcdefghij';
const OTHER = 'import-20261204-bbbbbbbbbb';
const CLAIMED_AT = '2026-12-04T10:00:00.000Z';

const job = (jobId: string, startTimeUtc: string, type = 'import'): HubJob => ({
  jobId,
  type,
  status: 'running',
  startTimeUtc,
});

function indexRecording(owners: Record<string, string>): { index: OperationsIndex } {
  const unused = (): never => {
    throw new Error('not used');
  };
  return {
    index: {
      partitionKey: 'hub~test',
      unstartedBefore: unused,
      put: unused,
      remove: unused,
      byOperationId: unused,
      page: unused,
      byJobId: async (jobId): Promise<StoredOperation | undefined> => {
        const operationId = owners[jobId];
        return operationId
          ? {
              operationId,
              metadata: { kind: 'import', createdAt: '', createdByName: '', createdByOid: '' },
            }
          : undefined;
      },
    },
  };
}

const claim = { operationId: OURS, kind: 'import' as const, claimedAt: CLAIMED_AT };

describe('finding the job of a claimed start', () => {
  it('finds the one job of its kind that started within the claim window', async () => {
    const jobs = [
      job('before', '2026-12-04T09:58:00.000Z'),
      job('export', '2026-12-04T10:00:01.000Z', 'export'),
      job('ours', '2026-12-04T10:00:01.000Z'),
      job('after', '2026-12-04T10:04:00.000Z'),
    ];
    expect(await findClaimedJob(indexRecording({}), claim, jobs)).toEqual({
      kind: 'found',
      job: jobs[2],
    });
  });

  it('allows the hub clock to run a little behind the proxy', async () => {
    const jobs = [job('ours', '2026-12-04T09:59:45.000Z')];
    expect((await findClaimedJob(indexRecording({}), claim, jobs)).kind).toBe('found');
  });

  it('skips a job another operation has recorded, and keeps one recorded as its own', async () => {
    const jobs = [
      job('theirs', '2026-12-04T10:00:01.000Z'),
      job('ours', '2026-12-04T10:01:00.000Z'),
    ];
    const search = await findClaimedJob(indexRecording({ theirs: OTHER, ours: OURS }), claim, jobs);
    expect(search).toEqual({ kind: 'found', job: jobs[1] });
  });

  it('never takes a job the hub already had when the claim was made', async () => {
    const jobs = [
      job('earlier', '2026-12-04T09:59:50.000Z'),
      job('ours', '2026-12-04T10:00:01.000Z'),
    ];
    const search = await findClaimedJob(
      indexRecording({}),
      { ...claim, afterJobAt: newestJobStart([jobs[0] as HubJob]) },
      jobs,
    );
    expect(search).toEqual({ kind: 'found', job: jobs[1] });
  });

  it('refuses to guess between two unrecorded candidates', async () => {
    const jobs = [job('a', '2026-12-04T10:00:01.000Z'), job('b', '2026-12-04T10:01:30.000Z')];
    expect(await findClaimedJob(indexRecording({}), claim, jobs)).toEqual({
      kind: 'ambiguous',
      jobIds: ['a', 'b'],
    });
  });

  it('finds nothing when no job of the window exists', async () => {
    expect(await findClaimedJob(indexRecording({}), claim, [])).toEqual({ kind: 'none' });
  });

  it('lets a claim expire only once a create made under it can no longer land', () => {
    expect(claimExpired(CLAIMED_AT, new Date('2026-12-04T10:02:00.000Z'))).toBe(false);
    expect(claimExpired(CLAIMED_AT, new Date('2026-12-04T10:03:00.000Z'))).toBe(true);
  });
});
