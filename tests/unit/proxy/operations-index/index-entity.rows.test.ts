import { describe, expect, it } from 'vitest';
import {
  decodeContinuation,
  encodeContinuation,
} from '../../../../src/proxy/operations-index/continuation-token';
import {
  fromIndexEntity,
  toIndexEntities,
} from '../../../../src/proxy/operations-index/index-entity';
import {
  hubPartitionKey,
  listKeyPrefixAt,
  listRowKey,
} from '../../../../src/proxy/operations-index/index-keys';
import type { OperationMetadata } from '../../../../src/proxy/storage/operation-metadata';

const metadata: OperationMetadata = {
  kind: 'import',
  createdAt: '2026-12-04T10:00:00.000Z',
  createdByName: 'Ada Admin',
  createdByOid: 'oid-admin',
  fileName: 'devices ü.csv',
  rowCounts: { total: 2, valid: 2, invalid: 0, blank: 0 },
  jobId: 'job-1',
};
const operationId = 'import-20261204-abcdefghij';
const partition = hubPartitionKey('Hub-One.azure-devices.net');

describe('operations index keys', () => {
  it('sorts later operations before earlier ones', () => {
    const keys = [
      listRowKey('2026-01-01T00:00:00.000Z', 'import-20260101-aaaaaaaaaa'),
      listRowKey('2026-12-04T10:00:00.001Z', 'import-20261204-bbbbbbbbbb'),
      listRowKey('2026-12-04T10:00:00.000Z', 'export-20261204-cccccccccc'),
    ];
    expect([...keys].sort()).toEqual([keys[1], keys[2], keys[0]]);
  });

  it('puts an operation created before a cutoff at or after the cutoff prefix', () => {
    const cutoff = Date.parse('2026-12-03T10:00:00.000Z');
    expect(listRowKey('2026-12-02T00:00:00.000Z', operationId) >= listKeyPrefixAt(cutoff)).toBe(
      true,
    );
    expect(listRowKey('2026-12-04T00:00:00.000Z', operationId) >= listKeyPrefixAt(cutoff)).toBe(
      false,
    );
  });

  it('names one partition per hub, case-insensitively', () => {
    expect(hubPartitionKey('HUB-ONE.azure-devices.net')).toBe(partition);
    expect(hubPartitionKey('hub-two.azure-devices.net')).not.toBe(partition);
  });
});

describe('operations index entities', () => {
  it('writes a list row and lookup rows by operation id and job id that all read back', () => {
    const rows = toIndexEntities(partition, { operationId, metadata });
    expect(rows.map((row) => row.rowKey)).toEqual([
      listRowKey(metadata.createdAt, operationId),
      `o~${operationId}`,
      'j~job-1',
    ]);
    for (const row of rows) expect(fromIndexEntity(row)).toEqual({ operationId, metadata });
    expect(rows[0]?.started).toBe(true);
  });

  it('has no job row, and started false, before a start', () => {
    const { jobId: _unused, ...unstarted } = metadata;
    const rows = toIndexEntities(partition, { operationId, metadata: unstarted });
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => !row.started)).toBe(true);
  });

  it('ignores rows this proxy did not write', () => {
    const [row] = toIndexEntities(partition, { operationId, metadata });
    expect(fromIndexEntity({ ...row, operationId: '../victim' })).toBeUndefined();
    expect(fromIndexEntity({ ...row, metadata: '{"kind":"other"}' })).toBeUndefined();
    expect(fromIndexEntity({ ...row, metadata: 'not json' })).toBeUndefined();
    expect(fromIndexEntity({ partitionKey: partition, rowKey: 'x' })).toBeUndefined();
  });
});

describe('the list continuation token', () => {
  it('round-trips the table cursor as URL-safe text', () => {
    const cursor = { nextPartitionKey: '1!8!aHViflg-', nextRowKey: 'dH4y' };
    const token = encodeContinuation(cursor, partition);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeContinuation(token, partition)).toEqual(cursor);
  });

  it.each([
    ['garbage', 'not a token!'],
    ['base64 of non-JSON', Buffer.from('hello').toString('base64url')],
    ['another shape', Buffer.from('{"x":1}').toString('base64url')],
    ['another hub', encodeContinuation({ nextPartitionKey: 'aHVifng=' }, hubPartitionKey('other'))],
    [
      'a control character',
      encodeContinuation({ nextPartitionKey: 'aHVifng=', nextRowKey: 't~\u0000' }, partition),
    ],
    ['an over-long token', 'a'.repeat(4000)],
  ])('refuses %s with VALIDATION_FAILED', (_name, token) => {
    expect(() => decodeContinuation(token, partition)).toThrow(
      expect.objectContaining({ status: 400, code: 'VALIDATION_FAILED' }),
    );
  });
});
