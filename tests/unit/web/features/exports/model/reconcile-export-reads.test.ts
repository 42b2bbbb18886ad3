import { describe, expect, it } from 'vitest';
import {
  fresherRead,
  mergeReadIntoList,
  sameExport,
} from '../../../../../../src/web/features/exports/model/reconcile-export-reads';
import { exportJob } from '../support/export-job';

const running = exportJob({ status: 'running', progress: 0, endTimeUtc: null });
const completed = exportJob({ status: 'completed', progress: 100 });
const other = exportJob({ jobId: 'job-2', operationId: 'export-20261127-zzzzzzzzzz' });

describe('fresherRead', () => {
  it('never lets a later read that still says running undo an end already seen', () => {
    expect(fresherRead(completed, running)).toBe(completed);
  });

  it('otherwise shows the later read', () => {
    const later = exportJob({ status: 'running', progress: 40 });
    expect(fresherRead(running, later)).toBe(later);
    expect(fresherRead(running, completed)).toBe(completed);
  });
});

describe('sameExport', () => {
  it('matches by operation id, and by hub job id when an operation id is missing', () => {
    expect(sameExport(running, completed)).toBe(true);
    expect(sameExport(running, other)).toBe(false);
    expect(sameExport(exportJob({ operationId: null }), exportJob({}))).toBe(true);
  });
});

describe('mergeReadIntoList', () => {
  it("flips the list's row to the panel's completed read and leaves the other rows alone", () => {
    const merged = mergeReadIntoList([running, other], completed);
    expect(merged?.map((job) => job.status)).toEqual(['completed', 'completed']);
    expect(merged?.[1]).toBe(other);
  });

  it('changes nothing when the list already says the same, or does not hold the export', () => {
    expect(mergeReadIntoList([completed], exportJob({ status: 'completed' }))).toBeNull();
    expect(mergeReadIntoList([other], completed)).toBeNull();
    expect(mergeReadIntoList([completed], running)).toBeNull();
  });
});
