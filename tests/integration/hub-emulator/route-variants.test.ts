import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Registry } from 'azure-iothub';
import { rawRequest, sdkRegistry, startTestHub, type TestHub } from './hub-fixture';

// The hub's routing tolerates a trailing slash and the case of literal segments; the official
// Node SDK relies on the first (Registry.list() sends `GET /devices/`).
let hub: TestHub;
let registry: Registry;

beforeAll(async () => {
  hub = await startTestHub();
  registry = await sdkRegistry(hub.connectionString);
  await rawRequest(hub, 'PUT', '/devices/route-1', { body: {} });
});

afterAll(async () => {
  await hub?.dispose();
});

describe('route variants', () => {
  it('lists devices through the SDK, which sends GET /devices/', async () => {
    const listed = await registry.list();
    expect(listed.responseBody.map((d) => d.deviceId)).toContain('route-1');
  });

  it.each([
    ['GET', '/devices/'],
    ['GET', '/devices/route-1/'],
    ['GET', '/Devices/route-1'],
    ['GET', '/twins/route-1/'],
    ['GET', '/jobs/'],
    ['GET', '/statistics/devices/'],
    ['GET', '/configurations/'],
  ])('answers %s %s like the canonical path', async (method, path) => {
    expect((await rawRequest(hub, method, path)).status).toBe(200);
  });

  it('answers a query posted to /devices/query/', async () => {
    const response = await rawRequest(hub, 'POST', '/devices/query/', {
      body: { query: 'SELECT * FROM devices' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ms-item-type')).toBe('Twin');
  });

  it('keeps ids case-sensitive while literal segments are not', async () => {
    expect((await rawRequest(hub, 'GET', '/devices/ROUTE-1')).status).toBe(404);
  });

  it('still answers a path with an extra segment with 501', async () => {
    expect((await rawRequest(hub, 'GET', '/devices/route-1/extra/more')).status).toBe(501);
  });

  it('accepts api-version 2020-03-13, which the .NET Azure.IoT.Hub.Service SDK sends', async () => {
    const response = await rawRequest(hub, 'GET', '/devices/route-1?api-version=2020-03-13');
    expect(response.status).toBe(200);
  });
});
