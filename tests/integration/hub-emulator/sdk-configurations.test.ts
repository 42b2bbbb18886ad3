import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Registry } from 'azure-iothub';
import type { Configuration } from 'azure-iothub/dist/configuration';
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

// Configurations through the official SDK (the cases of its configurations e2e test, for device
// and module content), and their configurations.txt round trip through export and import.
let hub: TestHub;
let other: TestHub;
let storage: TestStorage;
let registry: Registry;

beforeAll(async () => {
  [hub, other, storage] = await Promise.all([startTestHub(), startTestHub(), startTestStorage()]);
  registry = await sdkRegistry(hub.connectionString);
});

afterAll(async () => {
  await Promise.all([hub?.dispose(), other?.dispose()]);
  await storage?.azurite.close();
});

type Config = Configuration & { etag: string; priority: number };

for (const entity of ['module', 'device'] as const) {
  describe(`${entity} configurations through the SDK`, () => {
    // schemaVersion is left to the SDK, which fills in '1.0' as in its own test.
    const config = (): Configuration => ({
      schemaVersion: '',
      id: `node_e2e_${entity}_${Math.random().toString(16).slice(2)}`,
      content: { [`${entity}Content`]: { 'properties.desired': { prop1: 'foo' } } },
      targetCondition: '',
      priority: 20,
    });

    it('adds one and finds it by id and in the list', async () => {
      const added = config();
      await registry.addConfiguration(added);
      const found = (await registry.getConfiguration(added.id)).responseBody as unknown as Config;
      expect([found.id, found.content]).toEqual([added.id, added.content]);
      const all = (await registry.getConfigurations()).responseBody as unknown as Config[];
      expect(all.find((c) => c.id === added.id)?.content).toEqual(added.content);
    });

    it('updates with its etag, force-updates without, and deletes', async () => {
      const added = config();
      await registry.addConfiguration(added);
      const found = (await registry.getConfiguration(added.id)).responseBody as unknown as Config;
      await registry.updateConfiguration({ ...found, priority: 99 });
      expect(
        ((await registry.getConfiguration(added.id)).responseBody as unknown as Config).priority,
      ).toBe(99);
      await expect(registry.updateConfiguration({ ...found, priority: 1 })).rejects.toMatchObject({
        name: 'InvalidEtagError',
      });
      await registry.updateConfiguration({ ...added, priority: 7 }, true);
      expect(
        ((await registry.getConfiguration(added.id)).responseBody as unknown as Config).priority,
      ).toBe(7);
      await registry.removeConfiguration(added.id);
      await expect(registry.getConfiguration(added.id)).rejects.toBeDefined();
    });
  });
}

describe('configurations.txt', () => {
  it('names nested class properties in PascalCase, keeps dictionary keys, and imports back', async () => {
    await rawRequest(hub, 'PUT', '/configurations/edge-deploy', {
      body: {
        id: 'edge-deploy',
        labels: { team: 'ops' },
        content: {
          modulesContent: { $edgeAgent: { 'properties.desired': { schemaVersion: '1.1' } } },
        },
        targetCondition: "tags.site='berlin'",
        priority: 10,
        metrics: { queries: { applied: 'SELECT deviceId FROM devices' } },
      },
    });
    const container = await storage.container('configurations-roundtrip');
    const created = await rawRequest(hub, 'POST', '/jobs/create', {
      body: {
        type: 'export',
        outputBlobContainerUri: container.sasUrl('rwdl'),
        includeConfigurations: true,
      },
    });
    await waitForJob(hub, (created.json as { jobId: string }).jobId);
    const line = (await readBlobText(container.client, 'configurations.txt'))
      .split('\r\n')
      .map((l) => (l ? (JSON.parse(l) as Record<string, unknown>) : undefined))
      .find((c) => c?.Id === 'edge-deploy');
    expect(line).toMatchObject({
      Labels: { team: 'ops' },
      Content: {
        ModulesContent: { $edgeAgent: { 'properties.desired': { schemaVersion: '1.1' } } },
      },
      Metrics: { Queries: { applied: 'SELECT deviceId FROM devices' }, Results: {} },
      SystemMetrics: { Queries: {}, Results: {} },
      TargetCondition: "tags.site='berlin'",
    });
    expect(Object.keys(line ?? {})).toContain('ETag');

    await uploadText(container.client, 'devices.txt', '{"id":"cfg-carrier"}\n');
    const imported = await rawRequest(other, 'POST', '/jobs/create', {
      body: {
        type: 'import',
        inputBlobContainerUri: container.sasUrl('rl'),
        outputBlobContainerUri: container.sasUrl('rwdl'),
        includeConfigurations: true,
      },
    });
    await waitForJob(other, (imported.json as { jobId: string }).jobId);
    expect(await readBlobText(container.client, 'importConfigErrors.log')).toBe('');
    const copy = (await rawRequest(other, 'GET', '/configurations/edge-deploy')).json;
    expect(copy).toMatchObject({
      labels: { team: 'ops' },
      content: {
        modulesContent: { $edgeAgent: { 'properties.desired': { schemaVersion: '1.1' } } },
      },
      metrics: { queries: { applied: 'SELECT deviceId FROM devices' } },
      priority: 10,
    });
  });
});
