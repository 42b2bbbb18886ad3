import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubCountsResponse } from '../../../src/contracts/api/jobs';
import { hubRest, type HubRest } from './support/hub-rest';
import { startProxyStack, type ProxyStack } from './support/proxy-stack';
import { startThrottledHubStack, type ThrottledHubStack } from './support/throttled-hub-stack';

// The overview's edge device and module counts, by registry query on the emulator. The proxy's
// clock runs ahead on demand, so the minute for which one answer is shared can pass in a test.

let stack: ProxyStack;
let rest: HubRest;
let ahead = 0;

beforeAll(async () => {
  stack = await startProxyStack({ hubDeviceCap: 500, now: () => new Date(Date.now() + ahead) });
  rest = hubRest(stack.hub, stack.tls.caCertPem);
  await rest.ok('PUT', '/devices/cnt-edge-1', {
    deviceId: 'cnt-edge-1',
    capabilities: { iotEdge: true },
  });
  await rest.ok('PUT', '/devices/cnt-leaf', { deviceId: 'cnt-leaf' });
  await rest.ok('PUT', '/devices/cnt-leaf/modules/m1', { deviceId: 'cnt-leaf', moduleId: 'm1' });
});

afterAll(async () => {
  await rest?.close();
  await stack?.close();
});

async function counts(): Promise<HubCountsResponse> {
  const response = await stack.call('GET', '/api/hub/counts', 'support');
  expect(response.status).toBe(200);
  return (await response.json()) as HubCountsResponse;
}

describe('GET /api/hub/counts', () => {
  it('counts edge devices and modules (the edge runtime modules included) and names the cap', async () => {
    expect(await counts()).toMatchObject({ edgeDevices: 1, modules: 3, deviceCap: 500 });
  });

  it('shares one answer for a minute, then asks the hub again', async () => {
    const first = await counts();
    await rest.ok('PUT', '/devices/cnt-edge-2', {
      deviceId: 'cnt-edge-2',
      capabilities: { iotEdge: true },
    });
    expect(await counts()).toEqual(first);
    ahead += 61_000;
    expect(await counts()).toMatchObject({ edgeDevices: 2, modules: 5 });
  });
});

describe('a hub that refuses the query', () => {
  // Throttled as S1 x 1 (20 queries a minute) on a clock that stands still: once the budget is
  // spent, every query the proxy sends, retries included, is refused with 429.
  let throttled: ThrottledHubStack;
  const frozen = new Date();
  beforeAll(async () => {
    throttled = await startThrottledHubStack({
      clock: () => frozen,
      throttling: { tier: 'S1', units: 1 },
    });
  });
  afterAll(async () => {
    await throttled?.close();
  });

  it('leaves both counts unknown instead of failing the overview', async () => {
    for (;;) if ((await throttled.hubCall('POST', '/devices/query')) === 429) break;
    const response = await throttled.call('/api/hub/counts');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      edgeDevices: null,
      modules: null,
      deviceCap: null,
    });
    expect(throttled.hubLog.some((line) => line.startsWith('throttled POST /devices/query'))).toBe(
      true,
    );
  });
});
