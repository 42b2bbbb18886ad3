import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Registry } from 'azure-iothub';
import {
  rawRequest,
  readBlobText,
  sdkRegistry,
  startTestHub,
  startTestStorage,
  uploadText,
  waitForJob,
  type TestHub,
  type TestStorage,
} from './hub-fixture';

// IoT Edge devices, their generated scopes, their runtime modules and the parent/child links,
// through the official SDK (the cases of its own "scoped devices" and "nested Edge" e2e tests)
// and over raw REST and import jobs.
let hub: TestHub;
let storage: TestStorage;
let registry: Registry;
const keys = {
  symmetricKey: {
    primaryKey: Buffer.from('1234567890qwerty').toString('base64'),
    secondaryKey: Buffer.from('ytrewq0987654321').toString('base64'),
  },
};

beforeAll(async () => {
  [hub, storage] = await Promise.all([startTestHub(), startTestStorage()]);
  registry = await sdkRegistry(hub.connectionString);
});

afterAll(async () => {
  await hub?.dispose();
  await storage?.azurite.close();
});

type Device = { deviceId: string; deviceScope?: string; parentScopes?: string[] };
const body = (result: { responseBody: unknown }): Device => result.responseBody as Device;

describe('edge devices through the SDK', () => {
  it('creates a scoped leaf under an edge device and refuses to move it to a made-up scope', async () => {
    const edge = body(
      await registry.create({
        deviceId: 'sdk-edge',
        authentication: keys,
        status: 'enabled',
        capabilities: { iotEdge: true },
      }),
    );
    expect(edge.deviceScope).toMatch(/^ms-azure-iot-edge:\/\/sdk-edge-\d{18}$/);
    const leaf = body(
      await registry.create({
        deviceId: 'sdk-leaf',
        authentication: keys,
        status: 'enabled',
        deviceScope: edge.deviceScope,
      }),
    );
    expect(leaf.deviceScope).toBe(edge.deviceScope);
    expect(leaf.parentScopes).toEqual([edge.deviceScope]);
    await expect(
      registry.update({ ...leaf, deviceScope: 'b8c7c9f4-1f5e-4f0e-9d84-0a6b2b7d1c3e' }),
    ).rejects.toMatchObject({ name: 'ArgumentError' });
    expect(body(await registry.get('sdk-leaf')).deviceScope).toBe(edge.deviceScope);
  });

  it('creates nested edge devices with a leaf under the child', async () => {
    const root = body(
      await registry.create({
        deviceId: 'nest-root',
        authentication: keys,
        capabilities: { iotEdge: true },
      }),
    );
    const child = body(
      await registry.create({
        deviceId: 'nest-child',
        authentication: keys,
        capabilities: { iotEdge: true },
        parentScopes: [root.deviceScope],
      }),
    );
    expect(child.deviceScope).toMatch(/^ms-azure-iot-edge:\/\/nest-child-\d+$/);
    expect(child.parentScopes).toEqual([root.deviceScope]);
    const leaf = body(
      await registry.create({
        deviceId: 'nest-leaf',
        authentication: keys,
        deviceScope: child.deviceScope,
        parentScopes: [child.deviceScope],
      }),
    );
    expect([leaf.deviceScope, leaf.parentScopes]).toEqual([child.deviceScope, [child.deviceScope]]);
  });

  it("gives an edge device the runtime's $edgeAgent and $edgeHub modules", async () => {
    const modules = (await registry.getModulesOnDevice('sdk-edge')).responseBody;
    expect(modules.map((m) => m.moduleId)).toEqual(['$edgeAgent', '$edgeHub']);
    const agent = modules[0] as unknown as { authentication: { type: string } };
    expect(agent.authentication.type).toBe('sas');
    expect((await registry.getModulesOnDevice('sdk-leaf')).responseBody).toEqual([]);
  });
});

describe('edge rules over REST', () => {
  it('ignores a custom scope on an edge device and never changes the generated one', async () => {
    const created = await rawRequest(hub, 'PUT', '/devices/rest-edge', {
      body: { capabilities: { iotEdge: true }, deviceScope: 'my-own-scope' },
    });
    const scope = (created.json as Device).deviceScope;
    expect(scope).toMatch(/^ms-azure-iot-edge:\/\/rest-edge-\d+$/);
    const updated = await rawRequest(hub, 'PUT', '/devices/rest-edge', {
      body: { capabilities: { iotEdge: true }, deviceScope: 'another' },
      headers: { 'if-match': '*' },
    });
    expect((updated.json as Device).deviceScope).toBe(scope);
  });

  it('refuses a leaf whose scope belongs to no edge device with ArgumentInvalid', async () => {
    const response = await rawRequest(hub, 'PUT', '/devices/rest-orphan', {
      body: { deviceScope: 'ms-azure-iot-edge://nobody-1' },
    });
    expect([response.status, response.headers.get('iothub-errorcode')]).toEqual([
      400,
      'ArgumentInvalid',
    ]);
  });

  it('refuses a parent that would make a loop', async () => {
    const root = (await rawRequest(hub, 'GET', '/devices/nest-root')).json as Device;
    const child = (await rawRequest(hub, 'GET', '/devices/nest-child')).json as Device;
    const response = await rawRequest(hub, 'PUT', '/devices/nest-root', {
      body: { capabilities: { iotEdge: true }, parentScopes: [child.deviceScope] },
      headers: { 'if-match': '*' },
    });
    expect(response.status).toBe(400);
    expect(
      ((await rawRequest(hub, 'GET', '/devices/nest-root')).json as Device).parentScopes,
    ).toEqual(root.parentScopes);
  });

  it('refuses to delete a runtime module on its own', async () => {
    const response = await rawRequest(hub, 'DELETE', '/devices/sdk-edge/modules/$edgeAgent', {
      headers: { 'if-match': '*' },
    });
    expect([response.status, response.headers.get('iothub-errorcode')]).toEqual([
      400,
      'ArgumentInvalid',
    ]);
  });

  it('removes the runtime modules when a device stops being an edge device', async () => {
    await rawRequest(hub, 'PUT', '/devices/rest-flip', {
      body: { capabilities: { iotEdge: true } },
    });
    const flipped = await rawRequest(hub, 'PUT', '/devices/rest-flip', {
      body: { capabilities: { iotEdge: false } },
      headers: { 'if-match': '*' },
    });
    expect((flipped.json as Device).deviceScope).toBeUndefined();
    expect((await rawRequest(hub, 'GET', '/devices/rest-flip/modules')).json).toEqual([]);
  });

  it('creates a child and its parent in one bulk call, whatever their order', async () => {
    const parentScope = 'ms-azure-iot-edge://bulk-parent-637000000000000000';
    const response = await rawRequest(hub, 'POST', '/devices', {
      body: [
        { id: 'bulk-leaf', importMode: 'create', deviceScope: parentScope },
        {
          id: 'bulk-parent',
          importMode: 'create',
          capabilities: { iotEdge: true },
          deviceScope: parentScope,
        },
      ],
    });
    expect(response.json).toEqual({ isSuccessful: true, errors: [], warnings: [] });
    expect(((await rawRequest(hub, 'GET', '/devices/bulk-leaf')).json as Device).deviceScope).toBe(
      parentScope,
    );
  });
});

describe('edge devices in import jobs', () => {
  it('imports leaves and children before their parents in the file, and system module lines', async () => {
    const rootScope = 'ms-azure-iot-edge://imp-root-637100000000000000';
    const childScope = 'ms-azure-iot-edge://imp-child-637100000000000001';
    const lines = [
      { id: 'imp-a-leaf', deviceScope: childScope, parentScopes: [childScope] },
      {
        id: 'imp-child',
        capabilities: { iotEdge: true },
        deviceScope: childScope,
        parentScopes: [rootScope],
      },
      { id: 'imp-child', moduleId: '$edgeAgent', status: 'enabled' },
      { id: 'imp-root', capabilities: { iotEdge: true }, deviceScope: rootScope, parentScopes: [] },
      { id: 'imp-root', moduleId: '$edgeHub', status: 'enabled', tags: { kept: true } },
    ];
    const container = await storage.container('edge-import');
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
    expect((await waitForJob(hub, (created.json as { jobId: string }).jobId)).status).toBe(
      'completed',
    );
    expect(await readBlobText(container.client, 'importErrors.log')).toBe('');
    const child = (await rawRequest(hub, 'GET', '/devices/imp-child')).json as Device;
    expect([child.deviceScope, child.parentScopes]).toEqual([childScope, [rootScope]]);
    const twin = (await rawRequest(hub, 'GET', '/twins/imp-root/modules/$edgeHub')).json as {
      tags: unknown;
    };
    expect(twin.tags).toEqual({ kept: true });
  });

  it('refuses a $edgeAgent line for a device that is not an edge device', async () => {
    await rawRequest(hub, 'PUT', '/devices/imp-plain', { body: {} });
    const response = await rawRequest(hub, 'POST', '/devices', {
      body: [{ id: 'imp-plain', moduleId: '$edgeAgent', importMode: 'createOrUpdate' }],
    });
    expect((response.json as { errors: { errorCode: number }[] }).errors[0]?.errorCode).toBe(
      400004,
    );
  });
});

describe('edge runtime modules and the registry rules', () => {
  it('needs room for the device and its two runtime modules under the device cap', async () => {
    const small = await startTestHub({ deviceCap: 2 });
    try {
      const response = await rawRequest(small, 'PUT', '/devices/cap-edge', {
        body: { capabilities: { iotEdge: true } },
      });
      expect([response.status, response.headers.get('iothub-errorcode')]).toEqual([
        403,
        'IotHubQuotaExceeded',
      ]);
      expect((await rawRequest(small, 'PUT', '/devices/cap-plain', { body: {} })).status).toBe(200);
    } finally {
      await small.dispose();
    }
  });

  it('answers create and delete lines for runtime modules as documented', async () => {
    const response = await rawRequest(hub, 'POST', '/devices', {
      body: [
        { id: 'sdk-edge', moduleId: '$edgeHub', importMode: 'create' },
        { id: 'nest-root', moduleId: '$edgeAgent', importMode: 'delete' },
      ],
    });
    expect(
      (response.json as { errors: { errorCode: number }[] }).errors.map((e) => e.errorCode),
    ).toEqual([400004, 400004]);
  });
});
