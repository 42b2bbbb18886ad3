import type { Readable } from 'node:stream';
import type { ProxyContext } from './proxy-context';

// Counting what a finished job left behind (an export's records, an import's error lines) means
// reading a whole blob, so it runs in the background after the job is first seen terminal and the
// API answers with a null count meanwhile. State lives in this process only: a crash mid-count
// leaves the metadata without a count, and the next sighting counts again.

/** Downloads running at once per proxy: a first listing after an upgrade may find many. */
const MAX_CONCURRENT_COUNTS = 2;
/** A failed count (storage down) is retried on a later sighting, but not on every poll. */
const RETRY_AFTER_MS = 30_000;
/** A download that stops delivering bytes for this long is abandoned, so its slot frees up. */
const STALL_TIMEOUT_MS = 60_000;

interface CountState {
  running: Set<string>;
  failedAt: Map<string, number>;
}

// Keyed by the context, i.e. per proxy instance, so proxies started side by side in tests do not
// share slots.
const states = new WeakMap<ProxyContext, CountState>();

function stateOf(context: ProxyContext): CountState {
  let state = states.get(context);
  if (!state) {
    state = { running: new Set(), failedAt: new Map() };
    states.set(context, state);
  }
  return state;
}

/**
 * Runs `count` for one operation unless it is already running (or failed a moment ago, or enough
 * counts are running). Never throws; resolves when the count is written or given up, which only
 * tests wait for.
 */
export function startBackgroundCount(
  context: ProxyContext,
  operationId: string,
  count: () => Promise<void>,
): Promise<void> {
  const state = stateOf(context);
  const failedAt = state.failedAt.get(operationId);
  const now = context.now().getTime();
  if (state.running.has(operationId) || state.running.size >= MAX_CONCURRENT_COUNTS)
    return Promise.resolve();
  if (failedAt !== undefined && now - failedAt < RETRY_AFTER_MS) return Promise.resolve();
  state.running.add(operationId);
  return count()
    .then(
      () => void state.failedAt.delete(operationId),
      () => void state.failedAt.set(operationId, context.now().getTime()),
    )
    .finally(() => state.running.delete(operationId));
}

/** The stream's chunks, destroying it when none arrives for STALL_TIMEOUT_MS. */
export async function* withStallTimeout(stream: Readable): AsyncGenerator<Uint8Array | string> {
  let timer: NodeJS.Timeout | undefined;
  const arm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => stream.destroy(new Error('COUNT_STALLED')), STALL_TIMEOUT_MS);
    timer.unref();
  };
  arm();
  try {
    for await (const chunk of stream as AsyncIterable<Uint8Array | string>) {
      arm();
      yield chunk;
    }
  } finally {
    clearTimeout(timer);
  }
}
