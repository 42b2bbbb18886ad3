import { describe, expect, it } from 'vitest';
import { exportNameOf, exportNameWords, shortIdOf } from '../../../../src/web/lib/export-name';
import { formatDateTime } from '../../../../src/web/lib/format';
import { exportJob } from '../features/exports/support/export-job';

describe('exportNameOf', () => {
  it('names an export by its label, its start time and the last six characters of its operation id', () => {
    expect(exportNameOf(exportJob({ label: 'before the move' }))).toEqual({
      label: 'before the move',
      time: '2026-11-27T10:00:00Z',
      shortId: 'efghij',
    });
  });

  it('tells apart two exports started in the same second by their short ids', () => {
    const first = exportNameOf(exportJob({ operationId: 'export-20261127-aaaaaaaaaa' }));
    const second = exportNameOf(exportJob({ operationId: 'export-20261127-aaaabbbbbb' }));
    expect(first.time).toBe(second.time);
    expect(exportNameWords(first)).not.toBe(exportNameWords(second));
  });

  it('falls back to the hub job id and its start time for an export started outside the console', () => {
    const name = exportNameOf(
      exportJob({ operationId: null, jobId: 'hub-job-123456789', createdAt: null, label: null }),
    );
    expect(name).toEqual({ label: null, time: '2026-11-27T10:00:01Z', shortId: '456789' });
  });

  it('treats a blank label as none', () => {
    expect(exportNameOf(exportJob({ label: '   ' })).label).toBeNull();
  });
});

describe('exportNameWords', () => {
  it('joins label, time and id, leaving out what is unknown', () => {
    const time = formatDateTime('2026-11-27T10:00:00Z');
    expect(exportNameWords(exportNameOf(exportJob({ label: 'nightly' })))).toBe(
      `nightly · ${time} · id efghij`,
    );
    expect(exportNameWords({ label: null, time: null, shortId: 'efghij' })).toBe('id efghij');
  });

  it('keeps a short id of fewer than six characters whole', () => {
    expect(shortIdOf('abc')).toBe('abc');
    expect(shortIdOf(null)).toBeNull();
  });
});
