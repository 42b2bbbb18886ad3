import { HubRequestError } from '../hub/hub-errors';

// How a registry lookup spends the hub's read budget: a few reads at a time, all of them pausing
// when the hub throttles one, and stopping early, with what is left named, rather than holding an
// HTTP request for as long as a throttled hub would take.

/**
 * Throttled attempts of one read the lookup waits out after the transport's own retries: the live
 * hub sends no Retry-After (docs/reference/hub-wire-contract.md#limits) and an S1 hub refills its
 * registry budget at under two reads a second.
 */
export const LOOKUP_THROTTLE_RETRIES = 4;
const MAX_THROTTLE_WAIT_MS = 10_000;

export interface PoolTask {
  /** The request entry the task reads for; a task that cannot run leaves its entry unread. */
  entry: number;
  run(): Promise<void>;
}

export interface PoolOptions {
  width: number;
  /** Wall-clock instant (ms) after which no new task starts. */
  deadline: number;
}

export interface PoolResult {
  /** Entries with a task that did not run or was throttled out. */
  unread: Set<number>;
  /** The last 429 a task gave up on, for a lookup that could read nothing at all. */
  throttled: HubRequestError | undefined;
}

export const isThrottled = (error: unknown): error is HubRequestError =>
  error instanceof HubRequestError && error.status === 429;

/**
 * Runs tasks, `width` at a time, from a queue that running tasks may extend. A task the hub
 * throttled out, or the deadline, stops new tasks from starting; any other failure does too and is
 * thrown once the running tasks have finished, so no hub call outlives the request.
 */
export async function runLookupPool(queue: PoolTask[], options: PoolOptions): Promise<PoolResult> {
  let next = 0;
  let stopped = false;
  let failure: { error: unknown } | undefined;
  const result: PoolResult = { unread: new Set(), throttled: undefined };
  const worker = async (): Promise<void> => {
    while (!stopped && next < queue.length) {
      if (Date.now() >= options.deadline) {
        stopped = true;
        return;
      }
      const task = queue[next++] as PoolTask;
      try {
        await task.run();
      } catch (error) {
        stopped = true;
        if (isThrottled(error)) {
          result.unread.add(task.entry);
          result.throttled = error;
        } else {
          failure ??= { error };
        }
      }
    }
  };
  // A worker that found the queue empty has ended while others may still queue tasks, so the pool
  // runs again until nothing new was queued.
  while (!stopped && next < queue.length) {
    await Promise.all(Array.from({ length: options.width }, worker));
  }
  if (failure !== undefined) throw failure.error;
  for (const task of queue.slice(next)) result.unread.add(task.entry);
  return result;
}

/**
 * Shared by every read of one lookup: when one is throttled, all of them pause, since they spend
 * the same budget of the hub.
 */
export function createThrottlePatience(sleep: (ms: number) => Promise<void>) {
  let resumeAt = 0;
  return {
    async read<T>(call: () => Promise<T>): Promise<T> {
      for (let retry = 0; ; retry++) {
        const wait = resumeAt - Date.now();
        if (wait > 0) await sleep(wait);
        try {
          return await call();
        } catch (error) {
          if (!isThrottled(error) || retry >= LOOKUP_THROTTLE_RETRIES) throw error;
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
