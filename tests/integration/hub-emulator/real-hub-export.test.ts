import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  rawRequest,
  readBlobText,
  startTestHub,
  startTestStorage,
  uploadText,
  waitForJob,
  type TestHub,
  type TestStorage,
} from './hub-fixture';

// A hub's export in the live format (tests/fixtures/hub-export: edge devices with their scopes and
// runtime modules, leaf children, modules with keys, an Edge deployment) imports into an empty
// emulator with empty error logs and exports back equivalent: the same identities with the same
// keys, twins, capabilities and scopes, and the same configurations.
const FIXTURE = path.join(process.cwd(), 'tests/fixtures/hub-export');
let hub: TestHub;
let storage: TestStorage;
type Line = Record<string, unknown>;
const lines = (text: string): Line[] =>
  text
    .split(/\r?\n/)
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Line);
const keyOf = (line: Line): string => `${String(line.id)}/${String(line.moduleId ?? '')}`;
// eTag and twinETag are the source hub's counters; every other field must survive.
const comparable = ({ eTag: _e, twinETag: _t, ...rest }: Line): Line => rest;

let exported: Line[];
let exportedConfigurations: Line[];
let importErrors: string;
let configurationErrors: string;

beforeAll(async () => {
  [hub, storage] = await Promise.all([startTestHub(), startTestStorage()]);
  const source = await storage.container('real-export-source');
  for (const name of ['devices.txt', 'configurations.txt'])
    await uploadText(source.client, name, await readFile(path.join(FIXTURE, name), 'utf8'));
  const imported = await rawRequest(hub, 'POST', '/jobs/create', {
    body: {
      type: 'import',
      inputBlobContainerUri: source.sasUrl('rl'),
      outputBlobContainerUri: source.sasUrl('rwdl'),
      includeConfigurations: true,
    },
  });
  expect(imported.status).toBe(200);
  expect((await waitForJob(hub, (imported.json as { jobId: string }).jobId)).status).toBe(
    'completed',
  );
  importErrors = await readBlobText(source.client, 'importErrors.log');
  configurationErrors = await readBlobText(source.client, 'importConfigErrors.log');

  const target = await storage.container('real-export-target');
  const created = await rawRequest(hub, 'POST', '/jobs/create', {
    body: {
      type: 'export',
      outputBlobContainerUri: target.sasUrl('rwdl'),
      includeConfigurations: true,
    },
  });
  expect((await waitForJob(hub, (created.json as { jobId: string }).jobId)).status).toBe(
    'completed',
  );
  exported = lines(await readBlobText(target.client, 'devices.txt'));
  exportedConfigurations = lines(await readBlobText(target.client, 'configurations.txt'));
});

afterAll(async () => {
  await hub?.dispose();
  await storage?.azurite.close();
});

describe("a real hub's export", () => {
  it('imports with empty error logs', () => {
    expect(importErrors).toBe('');
    expect(configurationErrors).toBe('');
  });

  it('exports back the same identities, no more and no fewer', async () => {
    const source = lines(await readFile(path.join(FIXTURE, 'devices.txt'), 'utf8'));
    expect(exported.map(keyOf).sort()).toEqual(source.map(keyOf).sort());
  });

  it('exports back every identity equivalent to its source line', async () => {
    const source = lines(await readFile(path.join(FIXTURE, 'devices.txt'), 'utf8'));
    const byKey = new Map(exported.map((line) => [keyOf(line), line]));
    for (const line of source)
      expect(comparable(byKey.get(keyOf(line)) ?? {})).toEqual(comparable(line));
  });

  it('keeps the edge hierarchy queryable', async () => {
    const child = (await rawRequest(hub, 'GET', '/devices/edge-child-01')).json as Line;
    const root = (await rawRequest(hub, 'GET', '/devices/edge-root-01')).json as Line;
    expect(child.parentScopes).toEqual([root.deviceScope]);
    const leaves = await rawRequest(hub, 'POST', '/devices/query', {
      body: {
        query: `SELECT deviceId FROM devices WHERE deviceScope = '${String(child.deviceScope)}' AND capabilities.iotEdge = false`,
      },
    });
    expect(leaves.json).toEqual([{ deviceId: 'leaf-thermo-01' }]);
  });

  it('exports back the configurations with their content, labels, target and metrics', async () => {
    const source = lines(await readFile(path.join(FIXTURE, 'configurations.txt'), 'utf8'));
    // The hub computes system metrics and stamps times and etags itself.
    const pick = (c: Line): Line => ({
      Id: c.Id,
      SchemaVersion: c.SchemaVersion,
      Labels: c.Labels,
      Content: c.Content,
      TargetCondition: c.TargetCondition,
      Priority: c.Priority,
      Queries: (c.Metrics as { Queries?: unknown } | undefined)?.Queries,
    });
    expect(exportedConfigurations.map(pick)).toEqual(source.map(pick));
  });
});
