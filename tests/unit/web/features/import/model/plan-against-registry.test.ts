import { describe, expect, it } from 'vitest';
import { planAgainstRegistry } from '../../../../../../src/web/features/import/model/plan-against-registry';
import { lookupKeysOf } from '../../../../../../src/web/features/import/model/lookup-keys-of';
import { plannedUpload } from '../../../../../../src/web/features/import/model/planned-upload';
import { createPlanClient } from '../../../../../../src/web/workers/plan/plan-client';
import { inProcessPlanWorker } from '../../../support/in-process-plan-worker';

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
const TAKEN_AT = '2026-12-04T18:00:00.000Z';

async function planOf(importText: string, registry: string[], hubDevices: number | null = null) {
  const client = createPlanClient(
    () => undefined,
    (error) => {
      throw error;
    },
    inProcessPlanWorker,
  );
  return planAgainstRegistry(client, {
    importFile: new Blob([importText]),
    registry: new Blob([registry.map((r) => `${r}\n`).join('')]),
    takenAt: TAKEN_AT,
    source: { kind: 'lookup' },
    options: { keepKeys: true, leaveOutUnchanged: true, deviceCap: 5 },
    hubDevices,
  });
}

describe('planning an import against the devices the hub holds, in the plan worker', () => {
  const registry = [exported('dev-1'), exported('dev-2'), exported('dev-3')];
  const importText = [
    // Disabling by file: the issue-13 case that rotated keys.
    line({ id: 'dev-1', importMode: 'update', status: 'disabled' }),
    line({ id: 'dev-2', importMode: 'create', status: 'enabled' }),
    line({ id: 'dev-3', importMode: 'delete' }),
    line({ id: 'dev-9', importMode: 'create', status: 'enabled' }),
  ].join('\n');

  it('keeps the keys of a device an update without keys would have rotated', async () => {
    const plan = await planOf(`${importText}\n`, registry);
    const row = plan.firstRows.find((r) => r.id === 'dev-1');
    expect(row).toMatchObject({ outcome: 'update', keysKept: true });
    expect(row?.keysRotated).not.toBe(true);
    expect(plan.keysRotated).toBe(0);
    expect(plan.keysKept).toBe(1);
    const sent = (await plan.jobFile.text()).split('\n').find((t) => t.includes('"dev-1"')) ?? '';
    expect(sent).toContain(PRIMARY);
    expect(sent).toContain(SECONDARY);
  });

  it('predicts each outcome with the code the hub will write, and pages the rows', async () => {
    const plan = await planOf(`${importText}\n`, registry);
    expect(plan.summary).toMatchObject({ create: 1, update: 1, delete: 1, fail: 1 });
    const fails = await plan.pageRows({ offset: 0, limit: 10, outcomes: ['fail'] });
    expect(fails.total).toBe(1);
    expect(fails.rows[0]).toMatchObject({ id: 'dev-2', outcome: 'fail', errorCode: 409001 });
  });

  it('writes an undo that recreates the deleted device with its keys and deletes the created one', async () => {
    const plan = await planOf(`${importText}\n`, registry);
    expect(plan.undo).toEqual({ delete: 1, recreate: 1, restore: 1 });
    const undoLines = (await plan.undoFile.text())
      .trim()
      .split('\n')
      .map((text) => JSON.parse(text) as { id: string; importMode: string });
    expect(undoLines.find((l) => l.id === 'dev-9')?.importMode).toBe('delete');
    const recreated = undoLines.find((l) => l.id === 'dev-3');
    expect(recreated?.importMode).toMatch(/^create/);
    expect(JSON.stringify(recreated)).toContain(PRIMARY);
  });

  it('uploads the job file with its digest and modes, and the snapshot it planned against', async () => {
    const plan = await planOf(`${importText}\n`, registry);
    const upload = plannedUpload(plan);
    expect(upload.converted).toBe(plan.jobFile);
    expect((await upload.backup?.snapshot.text())?.trim().split('\n')).toEqual(registry);
    const request = await upload.request({ fileName: 'x.csv' } as never);
    expect(request).toMatchObject({
      backup: { snapshotTakenAt: TAKEN_AT },
      convertedSize: plan.jobFile.size,
      byMode: { update: 1, create: 2, delete: 1 },
    });
    const digest = await crypto.subtle.digest('SHA-256', await plan.jobFile.arrayBuffer());
    expect(request.convertedSha256).toBe(Buffer.from(digest).toString('hex'));
  });

  it('leaves rows that change nothing out of the job file, and needs no backup then', async () => {
    const same = await planOf(
      `${line({ id: 'dev-1', importMode: 'updateTwin', tags: { site: 'north' } })}\n`,
      registry,
    );
    expect(same.summary.unchanged).toBe(1);
    expect(same.sent).toBe(0);
    expect(same.jobFile.size).toBe(0);
    expect(plannedUpload(same).backup).toBeUndefined();
  });

  it('counts the devices the hub holds beyond the snapshot against the cap', async () => {
    // A cap of 5: the snapshot's three devices leave room for two creates...
    const creates = [
      line({ id: 'n1', importMode: 'create' }),
      line({ id: 'n2', importMode: 'create' }),
    ].join('\n');
    expect((await planOf(creates, registry)).summary).toMatchObject({ create: 2, fail: 0 });
    // ...the hub's count now holds one more than the snapshot: only one fits, and the other
    // gets the hub's 403002.
    const crowded = await planOf(creates, registry, 4);
    expect(crowded.summary).toMatchObject({ create: 1, fail: 1 });
    expect(crowded.firstRows[1]).toMatchObject({ outcome: 'fail', errorCode: 403002 });
    // A count below the snapshot's (devices deleted since) does not raise the cap.
    expect((await planOf(creates, registry, 1)).summary).toMatchObject({ create: 2 });
  });

  it('predicts a leaf under a gateway outside the file right once the gateway is read too', async () => {
    const scope = 'ms-azure-iot-edge://gw-out-637000000000000000';
    const gateway = JSON.stringify({
      ...JSON.parse(exported('gw-out')),
      capabilities: { iotEdge: true },
      deviceScope: scope,
      parentScopes: [],
    });
    const text = `${line({ id: 'leaf-in', importMode: 'create', deviceScope: scope })}\n`;
    // What the lookup asks for: the leaf, and the gateway its scope names.
    expect(lookupKeysOf(text)).toEqual([{ id: 'leaf-in' }, { id: 'gw-out' }]);
    expect((await planOf(text, [gateway])).firstRows[0]).toMatchObject({ outcome: 'create' });
    // Without the gateway's record the same row looks like a missing parent scope.
    expect((await planOf(text, [])).firstRows[0]).toMatchObject({
      outcome: 'fail',
      errorCode: 400004,
    });
  });
});
