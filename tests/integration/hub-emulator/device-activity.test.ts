import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, startTestHub, type TestHub } from './hub-fixture';

// lastActivityTime, the hub's record of device-to-cloud activity (docs/hub-emulator.md, "Device
// activity"): a message sent over the device API stamps it, the identity, the twin and the query
// language report it, and the device etag does not move (it is not a registry write).
let hub: TestHub;
const NEVER = '0001-01-01T00:00:00Z';

beforeAll(async () => {
  hub = await startTestHub();
  const fleet = ['act-1', 'act-2', 'act-3'].map((id) => ({ id, importMode: 'create' }));
  expect((await rawRequest(hub, 'POST', '/devices', { body: fleet })).status).toBe(200);
});

afterAll(async () => {
  await hub?.dispose();
});

const send = (id: string, policy: 'device' | 'registryRead' = 'device') =>
  rawRequest(hub, 'POST', `/devices/${id}/messages/events`, { body: { t: 21 }, policy });

describe('device activity', () => {
  it('is never until the device sends, then the time of its message', async () => {
    const before = (await rawRequest(hub, 'GET', '/devices/act-1')).json as Record<string, string>;
    expect(before['lastActivityTime']).toBe(NEVER);
    const sentAfter = new Date().toISOString();
    expect((await send('act-1')).status).toBe(204);
    const after = (await rawRequest(hub, 'GET', '/devices/act-1')).json as Record<string, string>;
    expect(after['lastActivityTime']! >= sentAfter.slice(0, 19)).toBe(true);
    expect(after['etag']).toBe(before['etag']);
    const twin = (await rawRequest(hub, 'GET', '/twins/act-1')).json as Record<string, string>;
    expect(twin['lastActivityTime']).toBe(after['lastActivityTime']);
  });

  it('selects the devices with no activity since a date through the query language', async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    const response = await rawRequest(hub, 'POST', '/devices/query', {
      body: { query: `SELECT * FROM devices WHERE lastActivityTime < '${since}'` },
    });
    expect(response.status).toBe(200);
    const ids = (response.json as { deviceId: string }[]).map((twin) => twin.deviceId).sort();
    expect(ids).toEqual(['act-2', 'act-3']);
  });

  it('needs DeviceConnect, a known device and an enabled one', async () => {
    expect((await send('act-2', 'registryRead')).status).toBe(401);
    expect((await send('nobody')).status).toBe(404);
    await rawRequest(hub, 'PUT', '/devices/act-3', {
      body: { deviceId: 'act-3', status: 'disabled' },
      headers: { 'if-match': '*' },
    });
    expect((await send('act-3')).status).toBe(401);
  });
});
