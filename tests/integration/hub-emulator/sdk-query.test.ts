import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Registry } from 'azure-iothub';
import { rawRequest, sdkRegistry, startTestHub, type TestHub } from './hub-fixture';

// The query language through the official SDK's Query object and over raw REST: projections,
// IN/NIN, the string and type functions, GROUP BY with COUNT(), TOP, paging, and refused tokens.
let hub: TestHub;
let registry: Registry;

const FLEET = Array.from({ length: 12 }, (_, i) => ({
  id: `q-${String(i).padStart(2, '0')}`,
  importMode: 'create',
  status: i % 4 === 0 ? 'disabled' : 'enabled',
  tags: { site: ['berlin', 'paris', 'oslo'][i % 3], ...(i < 3 ? { pilot: true } : {}) },
  properties: { reported: { fw: i % 2 === 0 ? '1.0' : '2.0' } },
}));

beforeAll(async () => {
  hub = await startTestHub();
  registry = await sdkRegistry(hub.connectionString);
  expect((await rawRequest(hub, 'POST', '/devices', { body: FLEET })).status).toBe(200);
  await rawRequest(hub, 'PUT', '/devices/q-00/modules/probe', { body: {} });
});

afterAll(async () => {
  await hub?.dispose();
});

async function all(sql: string, pageSize = 5): Promise<Record<string, unknown>[]> {
  const query = registry.createQuery(sql, pageSize);
  const rows: Record<string, unknown>[] = [];
  // The SDK's promise form of next() drops its own stored token, so pass it explicitly.
  while (query.hasMoreResults)
    rows.push(...((await query.next(query.continuationToken)).result as Record<string, unknown>[]));
  return rows;
}

describe('queries', () => {
  it('projects properties as Raw items named by alias or last segment', async () => {
    const rows = await all(
      "SELECT deviceId, tags.site AS place, properties.reported.fw FROM devices WHERE deviceId = 'q-01'",
    );
    expect(rows).toEqual([{ deviceId: 'q-01', place: 'paris', fw: '2.0' }]);
    const raw = await rawRequest(hub, 'POST', '/devices/query', {
      body: { query: 'SELECT deviceId FROM devices' },
    });
    expect(raw.headers.get('x-ms-item-type')).toBe('Raw');
  });

  it('leaves a missing projected property out of its item', async () => {
    const rows = await all(
      "SELECT deviceId, tags.pilot FROM devices WHERE deviceId IN ['q-00', 'q-05']",
    );
    expect(rows).toEqual([{ deviceId: 'q-00', pilot: true }, { deviceId: 'q-05' }]);
  });

  it('filters with IN and NIN', async () => {
    const inBerlinOrOslo = await all(
      "SELECT deviceId FROM devices WHERE tags.site IN ['berlin', 'oslo']",
    );
    expect(inBerlinOrOslo).toHaveLength(8);
    const notParis = await all(
      "SELECT deviceId FROM devices WHERE tags.site NIN ['paris'] AND STARTSWITH(deviceId, 'q-')",
    );
    expect(notParis).toHaveLength(8);
  });

  it('filters with STARTSWITH, ENDSWITH and IS_DEFINED', async () => {
    expect(await all("SELECT deviceId FROM devices WHERE ENDSWITH(deviceId, '1')")).toEqual([
      { deviceId: 'q-01' },
      { deviceId: 'q-11' },
    ]);
    expect(await all('SELECT deviceId FROM devices WHERE IS_DEFINED(tags.pilot)')).toHaveLength(3);
    expect(
      await all(
        "SELECT deviceId FROM devices WHERE STARTSWITH(deviceId, 'q-1') AND NOT IS_DEFINED(tags.pilot)",
      ),
    ).toHaveLength(2);
  });

  it('groups with COUNT()', async () => {
    const rows = await all(
      'SELECT properties.reported.fw AS fw, COUNT() AS n FROM devices GROUP BY properties.reported.fw',
    );
    expect(rows).toEqual([
      { fw: '1.0', n: 6 },
      { fw: '2.0', n: 6 },
    ]);
    const twoKeys = await all(
      "SELECT status, tags.site, COUNT() AS n FROM devices WHERE tags.site = 'berlin' GROUP BY status, tags.site",
    );
    expect(twoKeys).toEqual([
      { status: 'disabled', site: 'berlin', n: 1 },
      { status: 'enabled', site: 'berlin', n: 3 },
    ]);
  });

  it('counts modules and devices with aliases', async () => {
    expect(await all('SELECT COUNT() AS modules FROM devices.modules')).toEqual([{ modules: 1 }]);
    expect(await all("SELECT COUNT() AS n FROM devices WHERE status = 'disabled'")).toEqual([
      { n: 3 },
    ]);
  });

  it('pages a projection with continuation tokens and no duplicates', async () => {
    const rows = await all("SELECT deviceId FROM devices WHERE STARTSWITH(deviceId, 'q-')", 5);
    expect(rows.map((r) => r.deviceId)).toEqual(FLEET.map((d) => d.id));
  });

  it('stops after TOP items across pages', async () => {
    const rows = await all(
      "SELECT TOP 7 deviceId FROM devices WHERE STARTSWITH(deviceId, 'q-')",
      3,
    );
    expect(rows.map((r) => r.deviceId)).toEqual(FLEET.slice(0, 7).map((d) => d.id));
  });

  it('refuses a garbage continuation token instead of starting over', async () => {
    const query = registry.createQuery('SELECT * FROM devices', 2);
    await expect(query.next('not-a-token')).rejects.toMatchObject({ name: 'ArgumentError' });
    const raw = await rawRequest(hub, 'POST', '/devices/query', {
      body: { query: 'SELECT * FROM devices' },
      headers: { 'x-ms-continuation': 'bm90IGEgdG9rZW4' },
    });
    expect([raw.status, raw.headers.get('iothub-errorcode')]).toEqual([400, 'ArgumentInvalid']);
  });

  it('refuses a token that belongs to another query', async () => {
    const first = await rawRequest(hub, 'POST', '/devices/query', {
      body: { query: 'SELECT * FROM devices' },
      headers: { 'x-ms-max-item-count': '2' },
    });
    const token = first.headers.get('x-ms-continuation') ?? '';
    expect(token).not.toBe('');
    const other = await rawRequest(hub, 'POST', '/devices/query', {
      body: { query: "SELECT * FROM devices WHERE status = 'enabled'" },
      headers: { 'x-ms-continuation': token },
    });
    expect(other.status).toBe(400);
  });
});
