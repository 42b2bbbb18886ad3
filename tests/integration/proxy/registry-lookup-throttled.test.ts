import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../../src/contracts/api/errors';
import type { RegistryLookupResponse } from '../../../src/contracts/api/registry';
import { hubRest, sasAuthentication, type HubRest } from './support/hub-rest';
import { startThrottledHubStack, type ThrottledHubStack } from './support/throttled-hub-stack';

// Lookups against an emulator throttling as an S1 hub with one unit (100 registry reads a minute,
// refilled at 1.67 a second) and, as the live hub, without Retry-After. The registry budget is
// spent with direct calls while the emulator's clock stands still, so what the proxy's reads meet
// does not depend on how loaded the machine is.

const THROTTLED_DEVICE_READ = 'throttled GET /devices/';
const IDS = ['thr-a', 'thr-b', 'thr-c', 'thr-d', 'thr-e'];

describe('registry lookup against a throttled hub', () => {
  let frozenAt: number | undefined;
  let shift = 0;
  const clock = (): Date => new Date(frozenAt ?? Date.now() - shift);
  const freeze = (): void => void (frozenAt = Date.now() - shift);
  const run = (): void => {
    if (frozenAt === undefined) return;
    shift = Date.now() - frozenAt;
    frozenAt = undefined;
  };
  let throttledReads = 0;
  let runAtThrottledRead: number | undefined;
  let stack: ThrottledHubStack;
  let rest: HubRest;

  beforeAll(async () => {
    stack = await startThrottledHubStack(
      { clock, throttling: { tier: 'S1', units: 1 } },
      (line) => {
        if (!line.startsWith(THROTTLED_DEVICE_READ)) return;
        throttledReads++;
        if (throttledReads === runAtThrottledRead) run();
      },
    );
    rest = hubRest(stack.hub, await readFile(stack.hub.caCertPath, 'utf8'), clock);
    for (const [i, id] of IDS.entries())
      await rest.ok('PUT', `/devices/${id}`, {
        deviceId: id,
        authentication: sasAuthentication(i),
      });
  });

  afterAll(async () => {
    await rest?.close();
    await stack?.close();
  });

  /** Stops the clock and spends the registry budget to nothing. */
  async function exhaustRegistryBudget(): Promise<void> {
    freeze();
    while ((await rest.send('GET', '/devices/thr-a')).status !== 429);
    throttledReads = 0;
    runAtThrottledRead = undefined;
  }

  const lookup = (ids: { id: string }[]) => stack.post('/api/registry/lookup', { ids });

  it('waits out 429s beyond the transport retries and then answers the device', async () => {
    await exhaustRegistryBudget();
    // One more than the transport's own four attempts: a lookup that gave up with it answers 503.
    runAtThrottledRead = 5;
    const response = await lookup([{ id: 'thr-a' }]);
    expect(response.status, await response.clone().text()).toBe(200);
    const answer = (await response.json()) as RegistryLookupResponse;
    expect(answer).toMatchObject({ missing: 0, unread: [] });
    expect(answer.records).toHaveLength(1);
    expect(throttledReads).toBeGreaterThanOrEqual(5);
  });

  it('answers what the hub let it read and names the rest, which a later lookup reads', async () => {
    await exhaustRegistryBudget();
    // 1.5 s of refill on the stopped clock: two and a half reads' worth, so two devices pass.
    frozenAt = (frozenAt ?? 0) + 1500;
    const first = await lookup(IDS.map((id) => ({ id })));
    expect(first.status, await first.clone().text()).toBe(200);
    const partial = (await first.json()) as RegistryLookupResponse;
    // About two reads' worth of budget; a busy machine lets one more through before the throttle
    // bites. What matters: some were read, the rest are named, nothing is lost.
    expect(partial.records.length).toBeGreaterThanOrEqual(1);
    expect(partial.records.length).toBeLessThan(IDS.length);
    expect(partial.missing).toBe(0);
    expect(partial.unread).toHaveLength(IDS.length - partial.records.length);
    const read = partial.records.map((line) => (JSON.parse(line) as { id: string }).id);
    expect([...read, ...partial.unread.map((entry) => entry.id)].sort()).toEqual(IDS);

    run();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const again = await lookup(partial.unread);
    expect(again.status, await again.clone().text()).toBe(200);
    const rest3 = (await again.json()) as RegistryLookupResponse;
    expect(rest3.unread).toEqual([]);
    expect(rest3.records).toHaveLength(partial.unread.length);
  });

  it('answers 503 HUB_THROTTLED when the hub lets it read nothing', async () => {
    await exhaustRegistryBudget();
    const response = await lookup([{ id: 'thr-a' }, { id: 'thr-b' }]);
    expect(response.status).toBe(503);
    expect(((await response.json()) as ApiErrorBody).error.code).toBe('HUB_THROTTLED');
    run();
  });
});
