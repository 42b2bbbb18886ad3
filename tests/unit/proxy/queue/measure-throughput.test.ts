import { describe, expect, it } from 'vitest';
import { measureThroughput } from '../../../../src/proxy/queue/measure-throughput';
import type { OperationMetadata } from '../../../../src/proxy/storage/operation-metadata';
import type { StoredOperation } from '../../../../src/proxy/storage/operation-storage';

const rows = (valid: number) => ({ total: valid, valid, invalid: 0, blank: 0 });

function importOf(overrides: Partial<OperationMetadata>): StoredOperation {
  return {
    operationId: 'import-20260101-aaaaaaaaaa',
    metadata: {
      kind: 'import',
      createdAt: '2026-01-01T00:00:00Z',
      createdByName: 'Ada',
      createdByOid: 'oid-1',
      ...overrides,
    },
  };
}

const done = (valid: number, startedAt: string, endedAt: string): StoredOperation =>
  importOf({
    rowCounts: rows(valid),
    jobStartedAt: startedAt,
    jobEndedAt: endedAt,
    finalStatus: 'completed',
  });

describe('measureThroughput', () => {
  it('weighs each completed import by its length: devices sent over seconds taken', () => {
    const measured = measureThroughput([
      done(1000, '2026-01-01T00:00:00Z', '2026-01-01T00:00:10Z'),
      done(3000, '2026-01-01T01:00:00Z', '2026-01-01T01:00:30Z'),
    ]);
    expect(measured).toBe(4000 / 40);
  });

  it('leaves out failed, unfinished and size-less imports, and exports', () => {
    const measured = measureThroughput([
      { ...done(1000, '2026-01-01T00:00:00Z', '2026-01-01T00:00:10Z') },
      importOf({ rowCounts: rows(5000), jobStartedAt: '2026-01-01T00:00:00Z' }),
      importOf({ ...done(9, 'x', 'y').metadata, finalStatus: 'failed' }),
      importOf({ jobStartedAt: '2026-01-01T00:00:00Z', jobEndedAt: '2026-01-01T00:00:05Z' }),
      {
        operationId: 'export-20260101-aaaaaaaaaa',
        metadata: {
          ...done(7000, '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z').metadata,
          kind: 'export',
        },
      },
    ]);
    expect(measured).toBe(100);
  });

  it('is null before the first completed import', () => {
    expect(measureThroughput([])).toBeNull();
  });
});
