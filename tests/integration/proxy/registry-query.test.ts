import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../../src/contracts/api/errors';
import type { RegistryQueryResponse } from '../../../src/contracts/api/registry';
import { hubRest, type HubRest } from './support/hub-rest';
import { startProxyStack, type ProxyStack } from './support/proxy-stack';
import { startThrottledHubStack, type ThrottledHubStack } from './support/throttled-hub-stack';

// POST /api/registry/query against the real emulator: the device ids a query in the hub's
// language selects, the hub's own words for a query it refuses, a query that names no device,
// and a hub whose query budget is spent (docs/bulk-flows.md, "Select by hub query").

let stack: ProxyStack;
let rest: HubRest;

beforeAll(async () => {
  stack = await startProxyStack();
  rest = hubRest(stack.hub, await readFile(stack.hub.caCertPath, 'utf8'));
  const fleet = Array.from({ length: 6 }, (_, i) => ({
    id: `hq-${i}`,
    importMode: 'create',
    status: i % 2 === 0 ? 'disabled' : 'enabled',
    tags: { site: i < 3 ? 'lab' : 'field' },
  }));
  await rest.ok('POST', '/devices', fleet);
  await rest.ok('PUT', '/devices/hq-1/modules/m1', { deviceId: 'hq-1', moduleId: 'm1' });
});

afterAll(async () => {
  await rest?.close();
  await stack?.close();
});

const query = (text: string, variant: 'admin' | 'support' = 'admin') =>
  stack.call('POST', '/api/registry/query', variant, { query: text });

describe('a selection by hub query', () => {
  it("answers the distinct device ids the hub's query selects, not capped", async () => {
    const response = await query(
      "SELECT * FROM devices WHERE tags.site = 'lab' AND status = 'disabled'",
    );
    expect(response.status, await response.clone().text()).toBe(200);
    const answer = (await response.json()) as RegistryQueryResponse;
    expect(answer).toMatchObject({ truncated: false, limit: 10_000 });
    expect(answer.deviceIds.sort()).toEqual(['hq-0', 'hq-2']);
    expect(Date.parse(answer.takenAt)).not.toBeNaN();
  });

  it('takes the devices of a modules query once each', async () => {
    const response = await query("SELECT * FROM devices.modules WHERE moduleId = 'm1'");
    expect(((await response.json()) as RegistryQueryResponse).deviceIds).toEqual(['hq-1']);
  });

  it("passes on the hub's words for a query it cannot run", async () => {
    const response = await query('SELECT * FROM devices WHERE');
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ApiErrorBody;
    expect(error.code).toBe('QUERY_INVALID');
    expect(error.message).toMatch(/^IoT Hub: Invalid query: /);
    expect(error.details).toMatchObject({ hubCode: 'ArgumentInvalid' });
  });

  it('refuses a query whose results name no device', async () => {
    const response = await query('SELECT COUNT() AS n FROM devices');
    expect(response.status).toBe(400);
    expect(((await response.json()) as ApiErrorBody).error.code).toBe('QUERY_WITHOUT_DEVICE_IDS');
  });

  it('refuses support staff and an empty query', async () => {
    expect((await query('SELECT * FROM devices', 'support')).status).toBe(403);
    const empty = await query('   ');
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as ApiErrorBody).error.code).toBe('VALIDATION_FAILED');
  });
});

describe('a selection by hub query on a hub out of query budget', () => {
  let frozenAt: number | undefined;
  let throttled: ThrottledHubStack;

  beforeAll(async () => {
    throttled = await startThrottledHubStack({
      clock: () => new Date(frozenAt ?? Date.now()),
      throttling: { tier: 'S1', units: 1 },
    });
  });

  afterAll(async () => {
    await throttled?.close();
  });

  it('answers 429 QUERY_THROTTLED once the transport gave up waiting', async () => {
    // The clock stands still, so the budget spent here does not refill while the proxy retries.
    frozenAt = Date.now();
    while ((await throttled.hubCall('POST', '/devices/query')) !== 429);
    const response = await throttled.post('/api/registry/query', {
      query: 'SELECT * FROM devices',
    });
    expect(response.status, await response.clone().text()).toBe(429);
    expect(((await response.json()) as ApiErrorBody).error.code).toBe('QUERY_THROTTLED');
  });
});
