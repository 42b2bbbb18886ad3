import type { Readable } from 'node:stream';
import type { OperationMetadata } from '../storage/operation-metadata';
import { countExportRecords } from './count-export-records';
import type { ProxyContext } from './proxy-context';

// The exports list shows how many devices each export holds. Counting means reading the whole
// devices.txt, so it runs in the background after the first sighting of a completed export and the
// list answers with a null count meanwhile. State lives in this process only: a crash mid-count
// leaves the metadata without a count, and the next sighting counts again.

/**
 * Downloads running at once per proxy: a first listing after an upgrade may find many uncounted
 * exports.
 */
const MAX_CONCURRENT_COUNTS = 2;
/**
 * A failed count (storage down, blob gone) is retried on a later sighting, but not on every poll.
 */
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

export function needsExportCount(metadata: OperationMetadata): boolean {
  return (
    metadata.kind === 'export' &&
    metadata.finalStatus === 'completed' &&
    metadata.deviceCount === undefined
  );
}

/**
 * Starts counting one export's records unless it is already being counted (or failed a moment ago,
 * or enough counts are running). Never throws; resolves when the count is written or given up,
 * which
 * only tests wait for.
 */
export function startExportCount(context: ProxyContext, operationId: string): Promise<void> {
  const state = stateOf(context);
  const failedAt = state.failedAt.get(operationId);
  const now = context.now().getTime();
  if (state.running.has(operationId) || state.running.size >= MAX_CONCURRENT_COUNTS)
    return Promise.resolve();
  if (failedAt !== undefined && now - failedAt < RETRY_AFTER_MS) return Promise.resolve();
  state.running.add(operationId);
  return countAndRecord(context, operationId)
    .then(
      () => void state.failedAt.delete(operationId),
      () => void state.failedAt.set(operationId, context.now().getTime()),
    )
    .finally(() => state.running.delete(operationId));
}

async function countAndRecord(context: ProxyContext, operationId: string): Promise<void> {
  const blob = await context.storage.openBlob(operationId, 'devices.txt');
  if (!blob) throw new Error('EXPORT_BLOB_MISSING');
  const counts = await countExportRecords(withStallTimeout(blob.stream));
  // Re-read rather than reuse the metadata we were started with: another request may have written
  // since.
  const fresh = await context.storage.readOperation(operationId);
  if (!fresh || fresh.deviceCount !== undefined) return;
  await context.storage.writeOperation(operationId, {
    ...fresh,
    deviceCount: counts.devices,
    moduleCount: counts.modules,
  });
}

/** The stream's chunks, destroying it when none arrives for STALL_TIMEOUT_MS. */
async function* withStallTimeout(stream: Readable): AsyncGenerator<Uint8Array | string> {
  let timer: NodeJS.Timeout | undefined;
  const arm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => stream.destroy(new Error('EXPORT_COUNT_STALLED')), STALL_TIMEOUT_MS);
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
