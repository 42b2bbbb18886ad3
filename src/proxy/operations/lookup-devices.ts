import type {
  RegistryLookupId,
  RegistryLookupRequest,
  RegistryLookupResponse,
} from '../../contracts/api/registry';
import { deviceKey } from '../../core/registry/device-key';
import { callHub, toApiError } from '../hub/hub-errors';
import type { HubModule, HubRegistryClient } from '../hub/hub-registry';
import { deviceExportLine, moduleExportLine } from '../hub/registry-export-line';
import { createThrottlePatience, runLookupPool, type PoolTask } from './lookup-pool';

// POST /api/registry/lookup: the current identity and twin of each requested device or module,
// read one by one with bounded concurrency, as the lines an export would hold. A small file's plan
// needs this instead of an export, which would take the hub's only job slot.

export const LOOKUP_CONCURRENCY = 8;
/**
 * No read starts later than this into a request: a throttled hub answers what it could read and
 * names the rest (`unread`), which the console asks for again, rather than holding the request
 * past the timeouts of the load balancers in front of the proxy.
 */
export const LOOKUP_TIME_BUDGET_MS = 25_000;

export interface LookupDeps {
  registry: HubRegistryClient;
  now: () => Date;
  sleep?: (ms: number) => Promise<void>;
  timeBudgetMs?: number;
}

interface Line {
  key: string;
  text: string;
}

/** What one requested entry yielded: its own line and, with includeModules, its modules' lines. */
interface Slot {
  own?: Line;
  modules: (Line | undefined)[];
  found: boolean;
}

export async function lookupDevices(
  deps: LookupDeps,
  request: RegistryLookupRequest,
): Promise<RegistryLookupResponse> {
  const sleep = deps.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));
  const takenAt = deps.now().toISOString();
  const deadline = Date.now() + (deps.timeBudgetMs ?? LOOKUP_TIME_BUDGET_MS);
  const patience = createThrottlePatience(sleep);
  const { registry } = deps;
  const slots: Slot[] = request.ids.map(() => ({ modules: [], found: false }));
  const queue: PoolTask[] = [];

  const readModuleTwin = (entry: number, index: number, module: HubModule): PoolTask => ({
    entry,
    run: async () => {
      const twin = await patience.read(() => registry.readTwin(module.deviceId, module.moduleId));
      // A module deleted between the list and its twin read is simply not in the snapshot.
      if (twin)
        (slots[entry] as Slot).modules[index] = {
          key: deviceKey(module.deviceId, module.moduleId),
          text: moduleExportLine(module, twin),
        };
    },
  });

  const readEntry = async (entry: number, { id, moduleId }: RegistryLookupId): Promise<void> => {
    const slot = slots[entry] as Slot;
    if (moduleId !== undefined) {
      const module = await patience.read(() => registry.readModule(id, moduleId));
      const twin = module && (await patience.read(() => registry.readTwin(id, moduleId)));
      if (!module || !twin) return;
      slot.own = { key: deviceKey(id, moduleId), text: moduleExportLine(module, twin) };
      slot.found = true;
      return;
    }
    const device = await patience.read(() => registry.readDevice(id));
    const twin = device && (await patience.read(() => registry.readTwin(id)));
    if (!device || !twin) return;
    slot.own = { key: deviceKey(id), text: deviceExportLine(device, twin) };
    slot.found = true;
    if (!request.includeModules) return;
    const modules = (await patience.read(() => registry.listModules(id))) ?? [];
    modules.forEach((module, index) => queue.push(readModuleTwin(entry, index, module)));
  };

  request.ids.forEach((ids, entry) => queue.push({ entry, run: () => readEntry(entry, ids) }));
  const pool = await callHub(() => runLookupPool(queue, { width: LOOKUP_CONCURRENCY, deadline }));
  // Nothing read at all: the hub is throttling, and the mapped error says so (503 HUB_THROTTLED).
  if (pool.throttled && pool.unread.size === request.ids.length) throw toApiError(pool.throttled);

  // Request order, each device followed by its modules; an identity asked for twice (or both
  // listed and asked for) appears once, as in an export. An entry left unread, even partly, gives
  // no line: the console asks for it again.
  const seen = new Set<string>();
  const records: string[] = [];
  slots.forEach((slot, entry) => {
    if (pool.unread.has(entry)) return;
    for (const line of [slot.own, ...slot.modules]) {
      if (line === undefined || seen.has(line.key)) continue;
      seen.add(line.key);
      records.push(line.text);
    }
  });
  return {
    takenAt,
    records,
    missing: slots.filter((slot, entry) => !slot.found && !pool.unread.has(entry)).length,
    unread: request.ids.filter((_, entry) => pool.unread.has(entry)),
  };
}
