import { describe, expect, it } from 'vitest';
import type { QueueEntry, SlotHolder } from '../../../../../src/contracts/api';
import {
  queueEtaWords,
  queuePositionWords,
} from '../../../../../src/web/lib/queue/queue-position-words';

const entry = (overrides: Partial<QueueEntry> = {}): QueueEntry => ({
  entryId: '7',
  operationId: 'import-20260101-aaaaaaaaaa',
  kind: 'import',
  state: 'queued',
  position: 2,
  enqueuedAt: '2026-01-01T00:00:00Z',
  enqueuedBy: { name: 'Ada', objectId: 'oid-1' },
  rows: 10,
  etaSeconds: 240,
  failure: null,
  ...overrides,
});

const holder = (overrides: Partial<SlotHolder> = {}): SlotHolder => ({
  jobId: 'job-1',
  type: 'import',
  status: 'running',
  progress: 41.4,
  startTimeUtc: '2026-01-01T00:00:00Z',
  operationId: 'import-20260101-bbbbbbbbbb',
  ...overrides,
});

describe('queuePositionWords', () => {
  it('names the position and the job it waits behind', () => {
    expect(queuePositionWords(entry(), holder())).toBe(
      'Queued, position 2, behind import job job-1 (41%)',
    );
  });

  it('says a chunk held back by its run is stopped, not queued', () => {
    expect(queuePositionWords(entry({ state: 'stopped', position: null }), holder())).toBe(
      'Stopped by its chunked import’s stop rule',
    );
  });

  it("gives the holder's age when the clock is known", () => {
    expect(queuePositionWords(entry(), holder(), Date.parse('2026-01-01T00:03:05Z'))).toBe(
      'Queued, position 2, behind import job job-1 (41%, running 3 min 05 s)',
    );
  });

  it('says when the holder was started outside the console', () => {
    expect(queuePositionWords(entry(), holder({ operationId: null, type: 'export' }))).toBe(
      'Queued, position 2, behind export job job-1 (41%, started outside the console)',
    );
  });

  it('has no holder to name when the slot is free, and says when the start is under way', () => {
    expect(queuePositionWords(entry({ position: 1 }), null)).toBe('Queued, position 1');
    expect(queuePositionWords(entry({ state: 'starting' }), holder())).toBe('Starting now');
  });
});

describe('queueEtaWords', () => {
  it('gives the ETA in words, and nothing before the hub has a measured throughput', () => {
    expect(queueEtaWords(entry())).toBe('expected to finish in about 4 min 00 s');
    expect(queueEtaWords(entry({ etaSeconds: null }))).toBeNull();
  });
});
