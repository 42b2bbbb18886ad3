import { describe, expect, it } from 'vitest';
import type { Job } from '../../../../src/contracts/api';
import { describeJobOutcome } from '../../../../src/web/lib/job-outcome';
import { importJob } from '../support/import-job';

const base: Job = importJob();

describe('describeJobOutcome', () => {
  it.each([
    [{ errorLineCount: 0 }, 'clean', 'Completed', 'success'],
    [{ errorLineCount: null }, 'counting', 'Completed, checking errors', 'default'],
    [{ errorLineCount: 1 }, 'with-errors', 'Completed with 1 error', 'warning'],
    [{ errorLineCount: 14 }, 'with-errors', 'Completed with 14 errors', 'warning'],
    [{ errorLineCount: 15 }, 'all-refused', 'Failed: every row was refused', 'error'],
    [{ byMode: null, errorLineCount: 15 }, 'all-refused', 'Failed: every row was refused', 'error'],
    [{ status: 'failed' as const }, 'failed', 'Failed', 'error'],
    [{ status: 'running' as const, errorLineCount: null }, 'in-progress', 'Running', 'primary'],
    [{ jobId: null, status: 'unknown' as const }, 'not-started', 'Not started', 'default'],
    [{ type: 'export' as const, errorLineCount: null }, 'clean', 'Completed', 'success'],
  ])('%j is %s: "%s" (%s)', (change, kind, label, color) => {
    expect(describeJobOutcome({ ...base, ...change })).toMatchObject({ kind, label, color });
  });

  it('never calls an import with refused rows a plain success', () => {
    for (let errors = 1; errors <= 20; errors++)
      expect(describeJobOutcome({ ...base, errorLineCount: errors }).color).not.toBe('success');
  });
});
