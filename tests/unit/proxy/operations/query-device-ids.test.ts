import { describe, expect, it } from 'vitest';
import type { HubCall, HubTransport } from '../../../../src/proxy/hub/hub-transport';
import { queryDeviceIds } from '../../../../src/proxy/operations/query-device-ids';

// The paging and the cap, over a transport that answers pages of a fixed result list the way the
// hub does (x-ms-continuation until the last page); the real hub's answers are in
// tests/integration/proxy/registry-query.test.ts.
const noHeaders: Record<string, string> = {};

function pagedHub(ids: string[], pageSize: number) {
  const calls: HubCall[] = [];
  const transport: HubTransport = {
    hostName: 'hub.example',
    send(call) {
      calls.push(call);
      const from = Number(call.headers?.['x-ms-continuation'] ?? 0);
      const next = from + pageSize;
      return Promise.resolve({
        status: 200,
        body: ids.slice(from, next).map((deviceId) => ({ deviceId })),
        headers: next < ids.length ? { 'x-ms-continuation': String(next) } : noHeaders,
      });
    },
  };
  return { transport, calls };
}

const now = () => new Date('2026-12-08T10:00:00Z');
const ids = (count: number) => Array.from({ length: count }, (_, i) => `d-${i}`);

describe('queryDeviceIds', () => {
  it('reads every page with the continuation the hub handed back', async () => {
    const hub = pagedHub(ids(5), 2);
    const answer = await queryDeviceIds(hub.transport, 'SELECT * FROM devices', 10, now);
    expect(answer).toEqual({
      takenAt: '2026-12-08T10:00:00.000Z',
      deviceIds: ids(5),
      truncated: false,
      limit: 10,
    });
    expect(hub.calls.map((call) => call.headers?.['x-ms-continuation'])).toEqual([
      undefined,
      '2',
      '4',
    ]);
    expect(hub.calls[0]?.headers?.['x-ms-max-item-count']).toBe('1000');
  });

  it('stops at the cap and says the result was cut', async () => {
    const hub = pagedHub(ids(7), 2);
    const answer = await queryDeviceIds(hub.transport, 'SELECT * FROM devices', 3, now);
    expect(answer.deviceIds).toEqual(ids(3));
    expect(answer.truncated).toBe(true);
    expect(hub.calls).toHaveLength(2);
  });

  it('is not cut when the results are exactly the cap', async () => {
    const hub = pagedHub(ids(4), 2);
    const answer = await queryDeviceIds(hub.transport, 'SELECT * FROM devices', 4, now);
    expect(answer).toMatchObject({ deviceIds: ids(4), truncated: false });
  });

  it('counts a device named twice (a modules query) once', async () => {
    const hub = pagedHub(['a', 'a', 'b'], 2);
    const answer = await queryDeviceIds(hub.transport, 'SELECT * FROM devices.modules', 2, now);
    expect(answer).toMatchObject({ deviceIds: ['a', 'b'], truncated: false });
  });
});
