import { randomUUID } from 'node:crypto';
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

// What the official Node SDKs' own service e2e tests check where no device connection is needed
// (azure-iot-sdk-node e2etests registry.js and module_crud.js, azure-iot-hub-node's registry
// integration test), written here against the emulator with the azure-iothub package.
let hub: TestHub;
let storage: TestStorage;
let registry: Registry;
const b64 = (text: string): string => Buffer.from(text).toString('base64');

beforeAll(async () => {
  [hub, storage] = await Promise.all([startTestHub(), startTestStorage()]);
  registry = await sdkRegistry(hub.connectionString);
});

afterAll(async () => {
  await hub?.dispose();
  await storage?.azurite.close();
});

type Device = {
  deviceId: string;
  etag: string;
  status: string;
  authentication: {
    symmetricKey: { primaryKey: string | null; secondaryKey: string | null };
    x509Thumbprint: { primaryThumbprint: string | null; secondaryThumbprint: string | null };
  };
};
const device = (result: { responseBody: unknown }): Device => result.responseBody as Device;

describe('registry CRUD', () => {
  const withKeys = {
    deviceId: `e2e-keys-${randomUUID()}`,
    authentication: {
      symmetricKey: { primaryKey: b64('1234567890qwerty'), secondaryKey: b64('ytrewq0987654321') },
    },
    status: 'disabled',
  };
  const withThumbprints = {
    deviceId: `e2e-x509-${randomUUID()}`,
    authentication: {
      x509Thumbprint: {
        primaryThumbprint: '0000000000000000000000000000000000000000',
        secondaryThumbprint: '1111111111111111111111111111111111111111',
      },
    },
    status: 'disabled',
  };
  const idOnly = { deviceId: `e2e-plain-${randomUUID()}` };

  it('creates a device with only an id, one with keys and one with thumbprints, with 200', async () => {
    for (const info of [idOnly, withKeys, withThumbprints]) {
      const created = await registry.create(info);
      expect(created.httpResponse.statusCode).toBe(200);
      expect(device(created).deviceId).toBe(info.deviceId);
    }
    const keys = device(await registry.get(withKeys.deviceId)).authentication.symmetricKey;
    expect(keys).toEqual(withKeys.authentication.symmetricKey);
    const thumbs = device(await registry.get(withThumbprints.deviceId)).authentication
      .x509Thumbprint;
    expect(thumbs).toEqual(withThumbprints.authentication.x509Thumbprint);
  });

  it('fails to create a device with an invalid name', async () => {
    await expect(registry.create({ deviceId: 'invalid/name' })).rejects.toBeDefined();
  });

  it('lists the test devices, then not a deleted one', async () => {
    const ids = (await registry.list()).responseBody.map((d) => d.deviceId);
    expect(ids).toEqual(
      expect.arrayContaining([idOnly.deviceId, withKeys.deviceId, withThumbprints.deviceId]),
    );
    await registry.delete(idOnly.deviceId);
    await expect(registry.get(idOnly.deviceId)).rejects.toMatchObject({
      name: 'DeviceNotFoundError',
    });
    const after = (await registry.list()).responseBody.map((d) => d.deviceId);
    expect(after).not.toContain(idOnly.deviceId);
    expect(after).toContain(withKeys.deviceId);
  });

  it('updates a key and reads it back', async () => {
    const secondaryKey = b64('qwertyuiopasdfghjkl');
    const updated = await registry.update({
      ...withKeys,
      authentication: { symmetricKey: { ...withKeys.authentication.symmetricKey, secondaryKey } },
    });
    expect(device(updated).authentication.symmetricKey.secondaryKey).toBe(secondaryKey);
    expect(
      device(await registry.get(withKeys.deviceId)).authentication.symmetricKey.secondaryKey,
    ).toBe(secondaryKey);
  });

  it('updates a device read back whole, as the hub-node integration test does', async () => {
    const fetched = device(await registry.get(withThumbprints.deviceId));
    const updated = await registry.update(fetched);
    expect([updated.httpResponse.statusCode, device(updated).deviceId]).toEqual([
      200,
      fetched.deviceId,
    ]);
  });

  it('fails to delete a device that does not exist with DeviceNotFoundError', async () => {
    await expect(registry.delete(`doesntexist${randomUUID()}`)).rejects.toMatchObject({
      name: 'DeviceNotFoundError',
    });
  });

  it.each([
    [
      'a policy that does not exist',
      (c: string) => c.replace(/SharedAccessKeyName=[^;]+/, 'SharedAccessKeyName=bad'),
    ],
    ['a wrong key', (c: string) => c.replace(/SharedAccessKey=[^;]+$/, 'SharedAccessKey=bad')],
  ])('answers every registry call with %s with 401', async (_name, spoil) => {
    const bad = await sdkRegistry(spoil(hub.connectionString));
    const calls = [
      () => bad.create({ deviceId: 'unauthorized-1' }),
      () => bad.get(withKeys.deviceId),
      () => bad.list(),
      () => bad.update({ deviceId: withKeys.deviceId }),
      () => bad.delete(withKeys.deviceId),
    ];
    for (const call of calls)
      await expect(call()).rejects.toMatchObject({ response: { statusCode: 401 } });
  });
});

describe('modules', () => {
  let deviceId: string;
  beforeAll(async () => {
    deviceId = `e2e-modhost-${randomUUID()}`;
    await registry.create({ deviceId });
  });
  const moduleOf = () => ({ deviceId, moduleId: `node_e2e_${randomUUID()}` });

  it('adds a module and finds it by id and on its device', async () => {
    const module = moduleOf();
    await registry.addModule(module);
    const found = (await registry.getModule(deviceId, module.moduleId)).responseBody;
    expect([found.deviceId, found.moduleId]).toEqual([deviceId, module.moduleId]);
    const all = (await registry.getModulesOnDevice(deviceId)).responseBody;
    expect(all.some((m) => m.moduleId === module.moduleId)).toBe(true);
  });

  for (const forceUpdate of [true, false]) {
    it(`swaps a module's keys with forceUpdate = ${forceUpdate}`, async () => {
      const module = moduleOf();
      await registry.addModule(module);
      const found = (await registry.getModule(deviceId, module.moduleId))
        .responseBody as unknown as Device & {
        moduleId: string;
        etag?: string;
      };
      const { primaryKey, secondaryKey } = found.authentication.symmetricKey;
      found.authentication.symmetricKey = { primaryKey: secondaryKey, secondaryKey: primaryKey };
      const { etag: _etag, ...withoutEtag } = found;
      await registry.updateModule((forceUpdate ? withoutEtag : found) as never, forceUpdate);
      const after = (await registry.getModule(deviceId, module.moduleId))
        .responseBody as unknown as Device;
      expect(after.authentication.symmetricKey).toEqual({
        primaryKey: secondaryKey,
        secondaryKey: primaryKey,
      });
    });
  }

  it('removes a module by ids and by the module object', async () => {
    const byIds = moduleOf();
    const byObject = moduleOf();
    await registry.addModule(byIds);
    await registry.addModule(byObject);
    await registry.removeModule(deviceId, byIds.moduleId);
    const found = (await registry.getModule(deviceId, byObject.moduleId)).responseBody;
    // The SDK's promise form loses its callback when given a module object; its e2e test uses the
    // callback form.
    await new Promise<void>((resolve, reject) =>
      registry.removeModule(found, (error?: Error) => (error ? reject(error) : resolve())),
    );
    await expect(registry.getModule(deviceId, byIds.moduleId)).rejects.toBeDefined();
    await expect(registry.getModule(deviceId, byObject.moduleId)).rejects.toBeDefined();
  });
});

describe('import then export', () => {
  it('imports 10 devices with keys from CRLF lines, exports them with keys, and deletes them by import', async () => {
    const devices = Array.from({ length: 10 }, () => ({
      id: `nodee2e-${randomUUID()}`,
      authentication: {
        symmetricKey: { primaryKey: b64(randomUUID()), secondaryKey: b64(randomUUID()) },
      },
      status: 'enabled',
    }));
    const input = await storage.container('e2e-import');
    const output = await storage.container('e2e-export');
    const text = (mode: string): string =>
      devices.map((d) => `${JSON.stringify({ ...d, importMode: mode })}\r\n`).join('');
    await uploadText(input.client, 'devices.txt', text('createOrUpdate'));
    const imported = (await registry.importDevicesFromBlob(
      input.sasUrl('rl'),
      output.sasUrl('rwd'),
    )) as unknown as {
      jobId: string;
    };
    expect((await waitForJob(hub, imported.jobId)).status).toBe('completed');
    const exportJob = (await registry.exportDevicesToBlob(
      output.sasUrl('rwd'),
      false,
    )) as unknown as { jobId: string };
    expect((await waitForJob(hub, exportJob.jobId)).status).toBe('completed');
    const exported = (await readBlobText(output.client, 'devices.txt'))
      .split('\r\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as (typeof devices)[number]);
    for (const d of devices) {
      const line = exported.find((e) => e.id === d.id);
      expect([line?.authentication.symmetricKey, line?.status]).toEqual([
        d.authentication.symmetricKey,
        d.status,
      ]);
    }
    await uploadText(input.client, 'devices.txt', text('delete'));
    const cleanup = (await registry.importDevicesFromBlob(
      input.sasUrl('rl'),
      output.sasUrl('rwd'),
    )) as unknown as {
      jobId: string;
    };
    expect((await waitForJob(hub, cleanup.jobId)).status).toBe('completed');
    await expect(registry.get(devices[0]?.id ?? '')).rejects.toMatchObject({
      name: 'DeviceNotFoundError',
    });
  });
});
