import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, startTestHub, type TestHub } from './hub-fixture';

// Throttling by tier and unit count with the hub's 429. The clock is frozen, so no token comes
// back during a test and the counts are exact.
const FROZEN = new Date();
let s1: TestHub;
let s1RetryAfter: TestHub;
let unthrottled: TestHub;

beforeAll(async () => {
  [s1, s1RetryAfter, unthrottled] = await Promise.all([
    startTestHub({ clock: () => FROZEN, throttling: { tier: 'S1', units: 1 } }),
    startTestHub({ clock: () => FROZEN, throttling: { tier: 'S1', units: 1, retryAfter: true } }),
    startTestHub(),
  ]);
});

afterAll(async () => {
  await Promise.all([s1?.dispose(), s1RetryAfter?.dispose(), unthrottled?.dispose()]);
});

const query = (hub: TestHub) =>
  rawRequest(hub, 'POST', '/devices/query', { body: { query: 'SELECT * FROM devices' } });

describe('throttling', () => {
  it('answers 40 parallel queries on S1 x1 with 20 successes and 20 hub-style 429s', async () => {
    const responses = await Promise.all(Array.from({ length: 40 }, () => query(s1)));
    expect(responses.filter((r) => r.status === 200)).toHaveLength(20);
    const throttled = responses.filter((r) => r.status === 429);
    expect(throttled).toHaveLength(20);
    const first = throttled[0];
    expect(first?.headers.get('iothub-errorcode')).toBe('ThrottlingBacklogTimeout');
    expect(first?.headers.get('retry-after')).toBeNull();
    expect(first?.headers.get('connection')).toBe('close');
    expect((first?.json as { Message: string }).Message).toBe(
      'ErrorCode:ThrottlingBacklogTimeout;The request has been throttled. Wait 3 seconds and try again. Operation type: TwinQuery',
    );
  });

  it('lets 100 of 120 registry writes through on S1 x1 and counts bulk items', async () => {
    const writes = await Promise.all(
      Array.from({ length: 120 }, (_, i) => rawRequest(s1, 'PUT', `/devices/t-${i}`, { body: {} })),
    );
    expect(writes.filter((r) => r.status === 200)).toHaveLength(100);
    expect(writes.filter((r) => r.status === 429)).toHaveLength(20);
    const bulk = await rawRequest(s1, 'POST', '/devices', {
      body: [{ id: 'bulk-t', importMode: 'create' }],
    });
    expect(bulk.status).toBe(429);
    expect((bulk.json as { Message: string }).Message).toMatch(
      /Operation type: DeviceRegistryWrite$/,
    );
  });

  it('never throttles statistics', async () => {
    const responses = await Promise.all(
      Array.from({ length: 30 }, () => rawRequest(s1, 'GET', '/statistics/devices')),
    );
    expect(responses.every((r) => r.status === 200)).toBe(true);
  });

  it('sends Retry-After in seconds when asked to', async () => {
    const responses = await Promise.all(Array.from({ length: 21 }, () => query(s1RetryAfter)));
    const throttled = responses.find((r) => r.status === 429);
    expect(throttled?.headers.get('retry-after')).toBe('3');
  });

  it('does not throttle when no tier is configured', async () => {
    const responses = await Promise.all(Array.from({ length: 40 }, () => query(unthrottled)));
    expect(responses.every((r) => r.status === 200)).toBe(true);
  });
});
