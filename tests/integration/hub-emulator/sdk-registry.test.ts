import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Registry } from 'azure-iothub';
import {
  readBlobText,
  sdkRegistry,
  startTestHub,
  startTestStorage,
  uploadText,
  waitForJob,
  type TestHub,
  type TestStorage,
} from './hub-fixture';

// The official azure-iothub SDK (1.16.x) against the emulator: it must not be able to tell.
let hub: TestHub;
let storage: TestStorage;
let registry: Registry;

beforeAll(async () => {
  [hub, storage] = await Promise.all([startTestHub(), startTestStorage()]);
  registry = await sdkRegistry(hub.connectionString);
});

afterAll(async () => {
  await hub?.dispose();
  await storage?.azurite.close();
});

function bodyOf<T>(result: unknown): T {
  // Promise results of this SDK are either the body, {responseBody, httpResponse} or {result,
  // message}.
  const r = result as { responseBody?: T; result?: T };
  if (r && typeof r === 'object' && 'responseBody' in r) return r.responseBody as T;
  if (r && typeof r === 'object' && 'result' in r && 'message' in r) return r.result as T;
  return result as T;
}

describe('azure-iothub SDK against the emulator', () => {
  it('creates, reads, updates and deletes a device', async () => {
    const created = bodyOf<{
      deviceId: string;
      etag: string;
      authentication: { symmetricKey: { primaryKey: string } };
    }>(await registry.create({ deviceId: 'sdk-crud-1' }));
    expect(created.deviceId).toBe('sdk-crud-1');
    expect(Buffer.from(created.authentication.symmetricKey.primaryKey, 'base64')).toHaveLength(32);
    const fetched = bodyOf<{ etag: string; status: string }>(await registry.get('sdk-crud-1'));
    expect(fetched.etag).toBe(created.etag);
    const updated = bodyOf<{ status: string; etag: string }>(
      await registry.update({ deviceId: 'sdk-crud-1', status: 'disabled' }),
    );
    expect(updated.status).toBe('disabled');
    expect(updated.etag).not.toBe(created.etag);
    await registry.delete('sdk-crud-1');
    await expect(registry.get('sdk-crud-1')).rejects.toMatchObject({ name: 'DeviceNotFoundError' });
  });

  it('refuses to create a device that already exists', async () => {
    await registry.create({ deviceId: 'sdk-dup' });
    await expect(registry.create({ deviceId: 'sdk-dup' })).rejects.toMatchObject({
      name: 'DeviceAlreadyExistsError',
    });
  });

  it('rejects a wrong key with UnauthorizedError', async () => {
    const wrongKey = hub.connectionString.replace(
      /SharedAccessKey=[^;]+/,
      `SharedAccessKey=${Buffer.alloc(32, 7).toString('base64')}`,
    );
    const bad = await sdkRegistry(wrongKey);
    await expect(bad.get('anything')).rejects.toMatchObject({ name: 'UnauthorizedError' });
  });

  it('imports from a blob, exports back, and lists the jobs', async () => {
    const input = await storage.container('sdk-import');
    const lines = [
      JSON.stringify({ id: 'imp-1', importMode: 'create', status: 'enabled' }),
      JSON.stringify({
        id: 'imp-2',
        importMode: 'create',
        status: 'disabled',
        tags: { site: 'a' },
      }),
      JSON.stringify({ id: 'imp-missing', importMode: 'update', status: 'enabled' }),
    ];
    await uploadText(input.client, 'devices.txt', `${lines.join('\r\n')}\r\n`);
    const job = bodyOf<{ jobId: string; status: string }>(
      await registry.importDevicesFromBlob(input.sasUrl('rl'), input.sasUrl('rwdl')),
    );
    expect(job.status).toBe('enqueued');
    const finished = await waitForJob(hub, job.jobId);
    expect(finished.status).toBe('completed');
    expect(bodyOf<{ status: string }>(await registry.getJob(job.jobId)).status).toBe('completed');
    expect(await readBlobText(input.client, 'importErrors.log')).toBe(
      '{"deviceId":"imp-missing","errorCode":404001,"errorStatus":"imp-missing"}\n',
    );
    expect(bodyOf<{ status: string }>(await registry.get('imp-2')).status).toBe('disabled');

    const output = await storage.container('sdk-export');
    const exportJob = bodyOf<{ jobId: string }>(
      await registry.exportDevicesToBlob(output.sasUrl('rwdl'), false),
    );
    expect((await waitForJob(hub, exportJob.jobId)).status).toBe('completed');
    const exported = (await readBlobText(output.client, 'devices.txt'))
      .split('\r\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { id: string; tags: unknown });
    expect(exported.map((d) => d.id)).toEqual(expect.arrayContaining(['imp-1', 'imp-2']));
    expect(exported.find((d) => d.id === 'imp-2')?.tags).toEqual({ site: 'a' });

    const jobs = bodyOf<{ jobId: string }[]>(await registry.listJobs());
    expect(jobs.map((j) => j.jobId)).toEqual(expect.arrayContaining([job.jobId, exportJob.jobId]));
  });

  it('reports device statistics', async () => {
    const stats = bodyOf<{
      totalDeviceCount: number;
      enabledDeviceCount: number;
      disabledDeviceCount: number;
    }>(await registry.getRegistryStatistics());
    expect(stats.totalDeviceCount).toBe(stats.enabledDeviceCount + stats.disabledDeviceCount);
    expect(stats.totalDeviceCount).toBeGreaterThan(0);
  });

  it('adds, updates and removes devices in bulk', async () => {
    const devices = [{ deviceId: 'bulk-1' }, { deviceId: 'bulk-2' }, { deviceId: 'bulk-3' }];
    const added = bodyOf<{ isSuccessful: boolean; errors: unknown[] }>(
      await registry.addDevices(devices),
    );
    expect(added).toEqual({ isSuccessful: true, errors: [], warnings: [] });
    const updated = bodyOf<{ isSuccessful: boolean }>(
      await registry.updateDevices(
        devices.map((d) => ({ ...d, status: 'disabled' })),
        true,
      ),
    );
    expect(updated.isSuccessful).toBe(true);
    expect(bodyOf<{ status: string }>(await registry.get('bulk-2')).status).toBe('disabled');
    const removed = bodyOf<{ isSuccessful: boolean }>(await registry.removeDevices(devices, true));
    expect(removed.isSuccessful).toBe(true);
    await expect(registry.get('bulk-1')).rejects.toMatchObject({ name: 'DeviceNotFoundError' });
  });

  it('reads and patches a twin, refusing a stale etag', async () => {
    await registry.create({ deviceId: 'twin-1' });
    const twin = bodyOf<{ etag: string; deviceId: string }>(await registry.getTwin('twin-1'));
    expect(twin.etag).toBe('AAAAAAAAAAE=');
    const patched = bodyOf<{
      etag: string;
      tags: Record<string, unknown>;
      properties: { desired: Record<string, unknown> };
    }>(
      await registry.updateTwin(
        'twin-1',
        { tags: { site: 'berlin' }, properties: { desired: { interval: 30 } } },
        twin.etag,
      ),
    );
    expect(patched.tags).toEqual({ site: 'berlin' });
    expect(patched.properties.desired.interval).toBe(30);
    await expect(
      registry.updateTwin('twin-1', { tags: { site: 'paris' } }, twin.etag),
    ).rejects.toMatchObject({ name: 'InvalidEtagError' });
  });

  it('pages through a query with continuation tokens', async () => {
    await registry.addDevices(Array.from({ length: 7 }, (_, i) => ({ deviceId: `query-${i}` })));
    await registry.updateTwin('query-3', { tags: { role: 'gateway' } }, '*');
    const query = registry.createQuery("SELECT * FROM devices WHERE tags.role = 'gateway'", 2);
    const page = bodyOf<{ deviceId: string }[]>(await query.next(query.continuationToken));
    expect(page.map((t) => t.deviceId)).toEqual(['query-3']);
    expect(query.hasMoreResults).toBe(false);

    const all = registry.createQuery(
      "SELECT * FROM devices WHERE deviceId != 'none' AND status = 'enabled'",
      3,
    );
    const ids: string[] = [];
    // The SDK's promise form of next() drops its own stored token, so pass it explicitly.
    while (all.hasMoreResults)
      ids.push(
        ...bodyOf<{ deviceId: string }[]>(await all.next(all.continuationToken)).map(
          (t) => t.deviceId,
        ),
      );
    expect(ids.filter((id) => id.startsWith('query-'))).toHaveLength(7);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('cancels a running import job', async () => {
    const paced = await startTestHub({ paceDevicesPerSecond: 50 });
    try {
      const pacedRegistry = await sdkRegistry(paced.connectionString);
      const input = await storage.container('sdk-cancel');
      const lines = Array.from({ length: 500 }, (_, i) =>
        JSON.stringify({ id: `slow-${i}`, status: 'enabled' }),
      );
      await uploadText(input.client, 'devices.txt', lines.join('\n'));
      const job = bodyOf<{ jobId: string }>(
        await pacedRegistry.importDevicesFromBlob(input.sasUrl('rl'), input.sasUrl('rwdl')),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      await pacedRegistry.cancelJob(job.jobId);
      const finished = await waitForJob(paced, job.jobId);
      expect(finished.status).toBe('cancelled');
      const stats = bodyOf<{ totalDeviceCount: number }>(
        await pacedRegistry.getRegistryStatistics(),
      );
      expect(stats.totalDeviceCount).toBeLessThan(500);
    } finally {
      await paced.dispose();
    }
  });
});
