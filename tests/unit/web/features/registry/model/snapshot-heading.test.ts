import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../../../../../src/web/lib/format';
import {
  snapshotHeading,
  snapshotSubtitle,
} from '../../../../../../src/web/features/registry/model/snapshot-heading';

const NAME = { label: 'before the move', time: '2026-11-27T10:00:00Z', shortId: 'efghij' };

describe('snapshotHeading', () => {
  it('names the hub and when the snapshot was taken', () => {
    expect(snapshotHeading('contoso-prod', NAME)).toBe(
      `Snapshot of contoso-prod taken ${formatDateTime(NAME.time)}`,
    );
  });

  it('says only what it knows while the hub name or the export record are loading', () => {
    expect(snapshotHeading(null, NAME)).toBe(
      `Snapshot of the hub taken ${formatDateTime(NAME.time)}`,
    );
    expect(snapshotHeading('contoso-prod', null)).toBe('Snapshot of contoso-prod');
  });
});

describe('snapshotSubtitle', () => {
  it('shows the label and the short id the exports list shows, else the full ref', () => {
    expect(snapshotSubtitle(NAME, 'job-1')).toBe('before the move · export id efghij');
    expect(snapshotSubtitle({ ...NAME, label: null }, 'job-1')).toBe('export id efghij');
    expect(snapshotSubtitle(null, 'job-1')).toBe('export id job-1');
  });
});
