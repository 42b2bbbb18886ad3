import { describe, expect, it } from 'vitest';
import type { HubDevice, HubRegistryClient, HubTwin } from '../../../../src/proxy/hub/hub-registry';
import { lookupDevices } from '../../../../src/proxy/operations/lookup-devices';

// The lookup's own bookkeeping over a registry client that answers after a delay: the request's
// time budget, and what an entry that was not read leaves out. The hub's side of it (throttling,
// 404s, the export shape) is tested against the emulator in tests/integration/proxy.

const after = <T>(ms: number, value: T): Promise<T> =>
  new Promise((resolve) => setTimeout(() => resolve(value), ms));

function slowRegistry(ms: number): HubRegistryClient {
  const twin: HubTwin = { etag: 'AAAAAAAAAAE=', properties: { desired: {}, reported: {} } };
  return {
    readDevice: (id) =>
      after<HubDevice>(ms, { deviceId: id, etag: 'MQ==', status: 'enabled', authentication: null }),
    readModule: () => after(ms, undefined),
    readTwin: () => after(ms, twin),
    listModules: () => after(ms, []),
  };
}

describe('lookupDevices', () => {
  it('starts no read past its time budget and names the entries it did not read', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => ({ id: `dev-${i}` }));
    const answer = await lookupDevices(
      { registry: slowRegistry(20), now: () => new Date(), timeBudgetMs: 30 },
      { ids },
    );
    // Eight start at once and take 40 ms (identity, then twin); by then the budget is spent.
    expect(answer.records).toHaveLength(8);
    expect(answer.unread).toEqual(ids.slice(8));
    expect(answer.missing).toBe(0);
  });

  it('reads everything within the budget, the missing counted apart', async () => {
    const registry = slowRegistry(1);
    const answer = await lookupDevices(
      {
        registry: {
          ...registry,
          readDevice: (id) => (id === 'gone' ? after(1, undefined) : registry.readDevice(id)),
        },
        now: () => new Date('2026-12-04T00:00:00.000Z'),
      },
      { ids: [{ id: 'a' }, { id: 'gone' }, { id: 'b' }] },
    );
    expect(answer).toMatchObject({ takenAt: '2026-12-04T00:00:00.000Z', missing: 1, unread: [] });
    expect(answer.records.map((line) => (JSON.parse(line) as { id: string }).id)).toEqual([
      'a',
      'b',
    ]);
  });
});
