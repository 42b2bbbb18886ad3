import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistryLookupResponse } from '../../../src/contracts/api/registry';
import { hubRest, sasAuthentication, type HubRest } from './support/hub-rest';
import { startThrottledHubStack, type ThrottledHubStack } from './support/throttled-hub-stack';

// A lookup against an emulator throttling as an S1 hub with one unit (100 registry reads a minute)
// and, as the live hub, without Retry-After. The registry budget is spent with direct calls while
// the emulator's clock stands still, so the proxy's reads meet 429s; the clock runs again only
// after the fifth throttled device read, one more than the hub transport's own four attempts. A
// lookup that gave up with the transport would answer 503.

const THROTTLED_DEVICE_READ = 'throttled GET /devices/';

describe('registry lookup against a throttled hub', () => {
  let frozenAt: number | undefined;
  let shift = 0;
  const clock = (): Date => new Date(frozenAt ?? Date.now() - shift);
  let throttledReads = 0;
  let stack: ThrottledHubStack;
  let rest: HubRest;

  beforeAll(async () => {
    stack = await startThrottledHubStack(
      { clock, throttling: { tier: 'S1', units: 1 } },
      (line) => {
        if (!line.startsWith(THROTTLED_DEVICE_READ)) return;
        throttledReads++;
        if (throttledReads === 5 && frozenAt !== undefined) {
          shift = Date.now() - frozenAt;
          frozenAt = undefined;
        }
      },
    );
    rest = hubRest(stack.hub, await readFile(stack.hub.caCertPath, 'utf8'), clock);
    await rest.ok('PUT', '/devices/thr-1', {
      deviceId: 'thr-1',
      authentication: sasAuthentication(9),
    });
  });

  afterAll(async () => {
    await rest?.close();
    await stack?.close();
  });

  it('waits out 429s beyond the transport retries and then answers the device', async () => {
    frozenAt = Date.now() - shift;
    while ((await rest.send('GET', '/devices/thr-1')).status !== 429);
    throttledReads = 0;
    const response = await stack.post('/api/registry/lookup', { ids: [{ id: 'thr-1' }] });
    expect(response.status, await response.clone().text()).toBe(200);
    const answer = (await response.json()) as RegistryLookupResponse;
    expect(answer.missing).toBe(0);
    expect(answer.records).toHaveLength(1);
    expect(throttledReads).toBeGreaterThanOrEqual(5);
  });
});
