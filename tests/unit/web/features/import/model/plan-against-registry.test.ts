import { describe, expect, it } from 'vitest';
import {
  lookupKeysOf,
  planAgainstRegistry,
} from '../../../../../../src/web/features/import/model/plan-against-registry';

const PRIMARY = Buffer.alloc(32, 7).toString('base64');
const SECONDARY = Buffer.alloc(32, 8).toString('base64');

function exported(id: string, status = 'enabled'): string {
  return JSON.stringify({
    id,
    eTag: 'MA==',
    status,
    authentication: {
      symmetricKey: { primaryKey: PRIMARY, secondaryKey: SECONDARY },
      x509Thumbprint: { primaryThumbprint: null, secondaryThumbprint: null },
      type: 'sas',
    },
    twinETag: 'AAAAAAAAAAE=',
    tags: { site: 'north' },
    properties: { desired: { $version: 1 }, reported: { $version: 1 } },
    capabilities: { iotEdge: false },
    deviceScope: null,
  });
}

const line = (device: Record<string, unknown>) => JSON.stringify(device);

describe('planning an import against the devices the hub holds', () => {
  const registry = [exported('dev-1'), exported('dev-2'), exported('dev-3')];
  const importText = [
    // Disabling by file: the issue-13 case that rotated keys.
    line({ id: 'dev-1', importMode: 'update', status: 'disabled' }),
    line({ id: 'dev-2', importMode: 'create', status: 'enabled' }),
    line({ id: 'dev-3', importMode: 'delete' }),
    line({ id: 'dev-9', importMode: 'create', status: 'enabled' }),
  ].join('\n');
  const plan = planAgainstRegistry(`${importText}\n`, registry, '2026-12-04T18:00:00.000Z');

  it('keeps the keys of a device an update without keys would have rotated', () => {
    const row = plan.rows.find((r) => r.id === 'dev-1');
    expect(row).toMatchObject({ outcome: 'update', keysKept: true });
    expect(row?.keysRotated).not.toBe(true);
    expect(plan.keysRotated).toBe(0);
    const sent = plan.jobText.split('\n').find((text) => text.includes('"dev-1"')) ?? '';
    expect(sent).toContain(PRIMARY);
    expect(sent).toContain(SECONDARY);
  });

  it('predicts each outcome with the code the hub will write', () => {
    expect(plan.summary).toMatchObject({ create: 1, update: 1, delete: 1, fail: 1 });
    expect(plan.rows.find((r) => r.id === 'dev-2')).toMatchObject({
      outcome: 'fail',
      errorCode: 409001,
    });
  });

  it('writes an undo that recreates the deleted device with its keys and deletes the created one', () => {
    expect(plan.undo).toEqual({ delete: 1, recreate: 1, restore: 1 });
    const undoLines = plan.undoText
      .trim()
      .split('\n')
      .map((text) => JSON.parse(text) as { id: string; importMode: string });
    expect(undoLines.find((l) => l.id === 'dev-9')?.importMode).toBe('delete');
    const recreated = undoLines.find((l) => l.id === 'dev-3');
    expect(recreated?.importMode).toMatch(/^create/);
    expect(JSON.stringify(recreated)).toContain(PRIMARY);
  });

  it('keeps the snapshot it planned against as the backup', () => {
    expect(plan.backupText.trim().split('\n')).toEqual(registry);
  });

  it('leaves rows that change nothing out of the job file', () => {
    const same = planAgainstRegistry(
      `${line({ id: 'dev-1', importMode: 'updateTwin', tags: { site: 'north' } })}\n`,
      registry,
      '2026-12-04T18:00:00.000Z',
    );
    expect(same.summary.unchanged).toBe(1);
    expect(same.sent).toBe(0);
    expect(same.jobText).toBe('');
  });
});

describe('lookupKeysOf', () => {
  it('names each device once, and a module line names its device too', () => {
    const text = [
      line({ id: 'a', importMode: 'create' }),
      line({ id: 'a', moduleId: 'm1', importMode: 'create' }),
      line({ id: 'b', moduleId: 'm2', importMode: 'create' }),
      line({ id: 'a', importMode: 'update' }),
      'not json',
    ].join('\n');
    expect(lookupKeysOf(text)).toEqual([
      { id: 'a' },
      { id: 'a', moduleId: 'm1' },
      { id: 'b' },
      { id: 'b', moduleId: 'm2' },
    ]);
  });
});
