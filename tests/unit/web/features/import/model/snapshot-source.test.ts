import { describe, expect, it } from 'vitest';
import {
  ageWords,
  exportRemainingMs,
  recentKeyExport,
} from '../../../../../../src/web/features/import/model/snapshot-source';
import { importJob } from '../../../support/import-job';

const NOW = Date.parse('2026-12-04T18:00:00.000Z');
const minutesAgo = (m: number) => new Date(NOW - m * 60_000).toISOString();

function exportJob(id: string, endedMinutesAgo: number, fields: Record<string, unknown> = {}) {
  return {
    ...importJob(),
    type: 'export' as const,
    jobId: id,
    status: 'completed' as const,
    excludeKeysInExport: false,
    startTimeUtc: minutesAgo(endedMinutesAgo + 1),
    endTimeUtc: minutesAgo(endedMinutesAgo),
    ...fields,
  };
}

describe('recentKeyExport', () => {
  it('picks the newest completed export with keys within the age', () => {
    const jobs = [exportJob('old', 20), exportJob('a', 10), exportJob('b', 3), exportJob('c', 14)];
    expect(recentKeyExport(jobs, NOW, 15)?.jobId).toBe('b');
  });

  it('refuses exports without keys, unfinished, failed, too old, or imports', () => {
    const jobs = [
      exportJob('nokeys', 1, { excludeKeysInExport: true }),
      exportJob('running', 1, { status: 'running', endTimeUtc: null }),
      exportJob('failed', 1, { status: 'failed' }),
      exportJob('old', 16),
      exportJob('import', 1, { type: 'import' }),
    ];
    expect(recentKeyExport(jobs, NOW, 15)).toBeNull();
  });

  it('refuses an export after whose start an import was started: it no longer shows the hub', () => {
    const imported = {
      ...importJob(),
      type: 'import' as const,
      startTimeUtc: minutesAgo(5),
    };
    const jobs = [exportJob('before', 8), exportJob('after', 2), imported];
    expect(recentKeyExport(jobs, NOW, 15)?.jobId).toBe('after');
    expect(recentKeyExport([exportJob('before', 8), imported], NOW, 15)).toBeNull();
    // An import created but never started changed nothing.
    const unstarted = { ...imported, startTimeUtc: null };
    expect(recentKeyExport([exportJob('before', 8), unstarted], NOW, 15)?.jobId).toBe('before');
  });
});

describe('ageWords and exportRemainingMs', () => {
  it('says how old the snapshot is', () => {
    expect(ageWords(minutesAgo(0.5), NOW)).toBe('just now');
    expect(ageWords(minutesAgo(3), NOW)).toBe('3 min ago');
    expect(ageWords(minutesAgo(125), NOW)).toBe('2 h 5 min ago');
  });

  it('stretches the time so far to the whole once the hub reports progress', () => {
    const running = exportJob('r', 0, { status: 'running', startTimeUtc: minutesAgo(2) });
    expect(exportRemainingMs({ ...running, progress: 25 }, NOW)).toBe(6 * 60_000);
    expect(exportRemainingMs({ ...running, progress: 0 }, NOW)).toBeNull();
  });
});
