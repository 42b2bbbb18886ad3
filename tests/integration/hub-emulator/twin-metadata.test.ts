import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Registry } from 'azure-iothub';
import { hubTime, MIN_TIME } from '../../../src/hub-emulator/model/hub-time';
import {
  rawRequest,
  sdkRegistry,
  startTestHub,
  startTestStorage,
  uploadText,
  waitForJob,
  type TestHub,
  type TestStorage,
} from './hub-fixture';

// Per-property twin metadata as recorded: a PATCH stamps what it wrote with `$lastUpdated` and
// `$lastUpdatedVersion`, desired and reported keep their own `$lastUpdated`, and the recorded
// DateTime.MinValue quirks of bulk creates and module PUTs. The clock is stepped by hand so every
// write has its own instant.
// The clock starts at the wall clock, because the SDK signs its tokens by the wall clock.
let now = new Date();
const step = (): string => {
  now = new Date(now.getTime() + 60_000);
  return hubTime(now);
};
let hub: TestHub;
let storage: TestStorage;
let registry: Registry;

beforeAll(async () => {
  [hub, storage] = await Promise.all([startTestHub({ clock: () => now }), startTestStorage()]);
  registry = await sdkRegistry(hub.connectionString);
});

afterAll(async () => {
  await hub?.dispose();
  await storage?.azurite.close();
});

type Section = Record<string, unknown> & { $metadata: Record<string, unknown>; $version: number };
type Twin = { properties: { desired: Section; reported: Section } };
const twinOf = async (path: string): Promise<Twin> =>
  (await rawRequest(hub, 'GET', path)).json as Twin;

describe('twin metadata', () => {
  it('stamps what each PATCH wrote and leaves the rest as it was', async () => {
    const created = hubTime(now);
    await registry.create({ deviceId: 'meta-1' });
    const first = step();
    await registry.updateTwin('meta-1', { properties: { desired: { a: 1, b: { c: 2 } } } }, '*');
    const second = step();
    const patched = (
      await registry.updateTwin('meta-1', { properties: { desired: { b: { d: 3 } } } }, '*')
    ).responseBody as unknown as Twin;
    expect(patched.properties.desired.$version).toBe(3);
    expect(patched.properties.desired.$metadata).toEqual({
      $lastUpdated: second,
      a: { $lastUpdated: first, $lastUpdatedVersion: 2 },
      b: {
        $lastUpdated: second,
        $lastUpdatedVersion: 3,
        c: { $lastUpdated: first, $lastUpdatedVersion: 2 },
        d: { $lastUpdated: second, $lastUpdatedVersion: 3 },
      },
    });
    // Reported properties were never written: their section keeps the creation instant.
    expect(patched.properties.reported.$metadata).toEqual({ $lastUpdated: created });
  });

  it('restamps the whole desired section on a twin PUT', async () => {
    const put = step();
    await rawRequest(hub, 'PUT', '/twins/meta-1', {
      body: { properties: { desired: { z: true } } },
    });
    expect((await twinOf('/twins/meta-1')).properties.desired.$metadata).toEqual({
      $lastUpdated: put,
      z: { $lastUpdated: put, $lastUpdatedVersion: 4 },
    });
  });

  it('stamps desired properties of a bulk create with DateTime.MinValue, as recorded', async () => {
    const created = step();
    await rawRequest(hub, 'POST', '/devices', {
      body: [{ id: 'meta-bulk', importMode: 'create', properties: { desired: { x: 1 } } }],
    });
    const twin = await twinOf('/twins/meta-bulk');
    expect(twin.properties.desired.$metadata).toEqual({
      $lastUpdated: MIN_TIME,
      x: { $lastUpdated: MIN_TIME, $lastUpdatedVersion: 1 },
    });
    expect(twin.properties.reported.$metadata).toEqual({ $lastUpdated: created });
  });

  it('stamps a module twin made by PUT with DateTime.MinValue, as recorded', async () => {
    await rawRequest(hub, 'PUT', '/devices/meta-1/modules/m1', { body: {} });
    const twin = await twinOf('/twins/meta-1/modules/m1');
    expect(twin.properties.desired.$metadata).toEqual({ $lastUpdated: MIN_TIME });
    expect(twin.properties.reported.$metadata).toEqual({ $lastUpdated: MIN_TIME });
  });

  it('keeps the metadata an import line carries and stamps a line without it now', async () => {
    const imported = step();
    const old = '2020-01-01T00:00:00.0000000Z';
    const lines = [
      {
        id: 'meta-imp-a',
        properties: {
          desired: {
            k: 1,
            $metadata: { $lastUpdated: old, k: { $lastUpdated: old, $lastUpdatedVersion: 5 } },
          },
        },
      },
      { id: 'meta-imp-b', properties: { desired: { k: 1 }, reported: { r: 'x' } } },
    ];
    const container = await storage.container('meta-import');
    await uploadText(
      container.client,
      'devices.txt',
      lines.map((l) => JSON.stringify(l)).join('\n'),
    );
    const created = await rawRequest(hub, 'POST', '/jobs/create', {
      body: {
        type: 'import',
        inputBlobContainerUri: container.sasUrl('rl'),
        outputBlobContainerUri: container.sasUrl('rwdl'),
      },
    });
    await waitForJob(hub, (created.json as { jobId: string }).jobId);
    expect((await twinOf('/twins/meta-imp-a')).properties.desired.$metadata).toEqual({
      $lastUpdated: old,
      k: { $lastUpdated: old, $lastUpdatedVersion: 5 },
    });
    const b = await twinOf('/twins/meta-imp-b');
    expect(b.properties.desired.$metadata).toEqual({
      $lastUpdated: imported,
      k: { $lastUpdated: imported, $lastUpdatedVersion: 1 },
    });
    expect(b.properties.reported.$metadata).toEqual({
      $lastUpdated: imported,
      r: { $lastUpdated: imported },
    });
  });
});
