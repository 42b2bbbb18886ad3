import { describe, expect, it } from 'vitest';
import { exportLine, fromRow, toRow } from '../../../../src/hub-emulator/store/identity-row';
import { createIdentity } from '../../../../src/hub-emulator/model/build-identity';

const identity = createIdentity(
  {
    deviceId: 'dev-1',
    moduleId: '',
    tags: { site: 'a' },
    desired: { x: 1 },
    authentication: { primaryKey: 'k1', secondaryKey: 'k2' },
  },
  {
    now: new Date('2026-01-02T03:04:05.678Z'),
    keys: () => 'generated',
    etag: 7,
    applyReported: true,
  },
);

describe('identity rows', () => {
  it('round-trips an identity through its row', () => {
    expect(fromRow(toRow(identity))).toEqual(identity);
  });

  it('splices an export line in the recorded key order', () => {
    const line = JSON.parse(exportLine(toRow(identity), false)) as Record<string, unknown>;
    expect(Object.keys(line)).toEqual([
      'id',
      'eTag',
      'status',
      'statusReason',
      'authentication',
      'twinETag',
      'tags',
      'properties',
      'capabilities',
    ]);
    expect(line).toMatchObject({
      id: 'dev-1',
      eTag: 'Nw==',
      status: 'enabled',
      statusReason: '',
      twinETag: 'AAAAAAAAAAE=',
      tags: { site: 'a' },
    });
    expect(line.properties).toEqual({ desired: { x: 1 }, reported: {} });
    expect((line.authentication as { symmetricKey: unknown }).symmetricKey).toEqual({
      primaryKey: 'k1',
      secondaryKey: 'k2',
    });
  });

  it('nulls the whole authentication object when keys are excluded', () => {
    expect(
      (JSON.parse(exportLine(toRow(identity), true)) as { authentication: unknown }).authentication,
    ).toBeNull();
  });

  it('writes module lines without statusReason and with iotEdge false', () => {
    const module = { ...identity, moduleId: 'm1', iotEdge: true };
    const line = JSON.parse(exportLine(toRow(module), false)) as Record<string, unknown>;
    expect(line.moduleId).toBe('m1');
    expect('statusReason' in line).toBe(false);
    expect(line.capabilities).toEqual({ iotEdge: false });
  });

  it('round-trips separate desired and reported stamps and stored metadata trees', () => {
    const stamped = {
      ...identity,
      twin: {
        ...identity.twin,
        desiredUpdated: '2030-01-01T00:00:00.0000000Z',
        reportedUpdated: '2030-02-01T00:00:00.0000000Z',
        desiredMeta: {
          x: { $lastUpdated: '2029-01-01T00:00:00.0000000Z', $lastUpdatedVersion: 1 },
        },
      },
    };
    expect(fromRow(toRow(stamped))).toEqual(stamped);
  });

  it('reads the single stamp of rows written before desired and reported had their own', () => {
    const row = toRow(identity);
    const old = {
      ...row,
      meta: row.meta.replace(
        /"lastUpdated":"[^"]+"/,
        '"lastUpdated":"2020-01-01T00:00:00.0000000Z"',
      ),
    };
    expect(fromRow(old).twin).toMatchObject({
      desiredUpdated: '2020-01-01T00:00:00.0000000Z',
      reportedUpdated: '2020-01-01T00:00:00.0000000Z',
      desiredMeta: {},
    });
  });
});
