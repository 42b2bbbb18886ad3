import type { RegistryLookupRequest, RegistryLookupResponse } from '../../contracts/api/registry';
import { deviceKey } from '../../core/registry/device-key';
import { callHub, HubRequestError } from '../hub/hub-errors';
import type { HubModule, HubRegistryClient } from '../hub/hub-registry';
import { deviceExportLine, moduleExportLine } from '../hub/registry-export-line';

// POST /api/registry/lookup: the current identity and twin of each requested device or module,
// read one by one with bounded concurrency, as the lines an export would hold. A small file's plan
// needs this instead of an export, which would take the hub's only job slot.

export const LOOKUP_CONCURRENCY = 8;
/**
 * Throttled reads the lookup waits out after the transport's own retries: the live hub sends no
 * Retry-After (hub-protocol.md sec. 6) and an S1 hub refills its registry budget at under two reads
 * a second, so a lookup of a few hundred ids meets 429s for longer than the transport waits.
 */
export const LOOKUP_THROTTLE_RETRIES = 4;
const MAX_THROTTLE_WAIT_MS = 10_000;

export interface LookupDeps {
  registry: HubRegistryClient;
  now: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

/** What one requested entry yielded: its own line and, with includeModules, its modules' lines. */
interface Slot {
  own?: Line;
  modules: (Line | undefined)[];
  found: boolean;
}

interface Line {
  key: string;
  text: string;
}

type Task = () => Promise<void>;

export async function lookupDevices(
  deps: LookupDeps,
  request: RegistryLookupRequest,
): Promise<RegistryLookupResponse> {
  const sleep = deps.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));
  const takenAt = deps.now().toISOString();
  const patience = createThrottlePatience(sleep);
  const { registry } = deps;
  const slots: Slot[] = request.ids.map(() => ({ modules: [], found: false }));
  const queue: Task[] = [];

  const readModuleTwin =
    (slot: Slot, index: number, module: HubModule): Task =>
    async () => {
      const twin = await patience.read(() => registry.readTwin(module.deviceId, module.moduleId));
      // A module deleted between the list and its twin read is simply not in the snapshot.
      if (twin)
        slot.modules[index] = {
          key: deviceKey(module.deviceId, module.moduleId),
          text: moduleExportLine(module, twin),
        };
    };

  request.ids.forEach((entry, i) => {
    const slot = slots[i] as Slot;
    queue.push(async () => {
      if (entry.moduleId !== undefined) {
        const moduleId = entry.moduleId;
        const module = await patience.read(() => registry.readModule(entry.id, moduleId));
        const twin = module && (await patience.read(() => registry.readTwin(entry.id, moduleId)));
        if (!module || !twin) return;
        slot.own = { key: deviceKey(entry.id, moduleId), text: moduleExportLine(module, twin) };
        slot.found = true;
        return;
      }
      const device = await patience.read(() => registry.readDevice(entry.id));
      const twin = device && (await patience.read(() => registry.readTwin(entry.id)));
      if (!device || !twin) return;
      slot.own = { key: deviceKey(entry.id), text: deviceExportLine(device, twin) };
      slot.found = true;
      if (!request.includeModules) return;
      const modules = (await patience.read(() => registry.listModules(entry.id))) ?? [];
      modules.forEach((module, index) => queue.push(readModuleTwin(slot, index, module)));
    });
  });

  await callHub(() => runPool(queue, LOOKUP_CONCURRENCY));

  // Request order, each device followed by its modules; an identity asked for twice (or both
  // listed and asked for) appears once, as in an export.
  const seen = new Set<string>();
  const records: string[] = [];
  for (const slot of slots) {
    for (const line of [slot.own, ...slot.modules]) {
      if (line === undefined || seen.has(line.key)) continue;
      seen.add(line.key);
      records.push(line.text);
    }
  }
  return { takenAt, records, missing: slots.filter((slot) => !slot.found).length };
}

/**
 * Runs tasks, `width` at a time, from a queue that running tasks may extend. The first failure
 * stops new tasks from starting; the ones already running finish before it is thrown, so no hub
 * call outlives the request.
 */
async function runPool(queue: Task[], width: number): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < queue.length) {
      const task = queue[next++] as Task;
      try {
        await task();
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  // Tasks queued by a running task are picked up by workers still looping; a worker that found the
  // queue empty has ended, so the pool is re-run until nothing new was queued.
  while (failure === undefined && next < queue.length) {
    await Promise.all(Array.from({ length: width }, worker));
  }
  if (failure !== undefined) throw failure.error;
}

/**
 * Shared by every worker of one lookup: when one read is throttled, all of them pause, since they
 * spend the same budget of the hub.
 */
function createThrottlePatience(sleep: (ms: number) => Promise<void>) {
  let resumeAt = 0;
  return {
    async read<T>(call: () => Promise<T>): Promise<T> {
      for (let retry = 0; ; retry++) {
        const wait = resumeAt - Date.now();
        if (wait > 0) await sleep(wait);
        try {
          return await call();
        } catch (error) {
          if (!(error instanceof HubRequestError) || error.status !== 429) throw error;
          if (retry >= LOOKUP_THROTTLE_RETRIES) throw error;
          resumeAt = Math.max(resumeAt, Date.now() + throttleWaitMs(error, retry));
        }
      }
    },
  };
}

/** The live hub's 429 text says "Wait <n> seconds"; without it, 1, 2, 4, 8 s. */
function throttleWaitMs(error: HubRequestError, retry: number): number {
  const asked = /Wait (\d+) seconds/.exec(error.message)?.[1];
  const ms = asked === undefined ? 1000 * 2 ** retry : Math.max(1, Number(asked)) * 1000;
  return Math.min(ms, MAX_THROTTLE_WAIT_MS);
}
