import type { HubCountsResponse } from '../../contracts/api/jobs';
import type { HubQueryClient } from '../hub/hub-query';

// Counts for the hub overview that the device statistics do not give, from the registry query
// API. Queries are the hub's most throttled class (20 a minute per unit on S1 and S2), and the
// overview of every signed-in user asks: one answer is shared for a minute.

export const EDGE_DEVICES_QUERY =
  'SELECT COUNT() AS n FROM devices WHERE capabilities.iotEdge = true';
export const MODULES_QUERY = 'SELECT COUNT() AS n FROM devices.modules';

const REUSE_MS = 60_000;

export interface RegistryCounterOptions {
  query: HubQueryClient;
  /** The hub's device cap from configuration (`HUB_DEVICE_CAP`); the hub's API does not say it. */
  deviceCap: number | null;
  now: () => Date;
}

export interface RegistryCounter {
  read(): Promise<HubCountsResponse>;
}

export function createRegistryCounter(options: RegistryCounterOptions): RegistryCounter {
  let last: { at: number; answer: Promise<HubCountsResponse> } | null = null;

  // A hub that refuses a query (a policy without the right, a tier or region without the query
  // API, throttling that outlasts the retries) leaves that count unknown, not the overview broken.
  const countOrNull = (query: string): Promise<number | null> =>
    options.query.count(query).then(
      (n) => n,
      () => null,
    );

  async function count(): Promise<HubCountsResponse> {
    const countedAt = options.now().toISOString();
    const [edgeDevices, modules] = await Promise.all([
      countOrNull(EDGE_DEVICES_QUERY),
      countOrNull(MODULES_QUERY),
    ]);
    return { edgeDevices, modules, deviceCap: options.deviceCap, countedAt };
  }

  return {
    read() {
      const at = options.now().getTime();
      if (!last || at - last.at >= REUSE_MS || at < last.at) last = { at, answer: count() };
      return last.answer;
    },
  };
}
