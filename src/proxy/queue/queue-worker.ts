import { randomUUID } from 'node:crypto';
import type { ProxyLog } from '../http/request-log';
import type { ProxyContext } from '../operations/proxy-context';
import type { ReceivedMessage } from './message-queue';
import type { OperationQueue } from './operation-queue';
import { listQueueEntries } from './queue-entries';
import { QueueMessageBody, type QueueEntryRow } from './queue-entry';
import { startQueueHead, type HeadOutcome } from './start-queue-head';

// The proxy's queue worker (docs/proxy.md, "Queue and monitor"). Every proxy runs one; they share
// the hub's storage queue and its entries in the operations index. Each round it receives the
// visible messages for a short hold, reads the entries oldest first, and works only on the oldest
// waiting entry: younger messages are left to become visible again when their hold runs out, so
// order comes from the index, not from the queue (which promises none).

export interface QueueWorkerOptions {
  /** Pause between rounds; 2 s by default. */
  pollMs?: number;
  /** How long a received message stays hidden when nobody works on it; 5 s by default. */
  holdSeconds?: number;
  /** The lease of a start in progress (message visibility, entry claim); 30 s by default. */
  leaseSeconds?: number;
  /**
   * A waiting head whose message this worker has not received for this long is given a new one:
   * the proxy that queued it may have died between writing the entry and sending the message.
   * Duplicates are harmless (the entry is claimed with If-Match) and are dropped when met.
   */
  orphanAfterMs?: number;
}

export interface QueueWorker {
  stop(): Promise<void>;
}

const MAX_MESSAGES = 32;

export function startQueueWorker(
  deps: { context: ProxyContext; queue: OperationQueue; log: ProxyLog },
  options: QueueWorkerOptions = {},
): QueueWorker {
  const pollMs = options.pollMs ?? 2_000;
  const holdSeconds = options.holdSeconds ?? 5;
  const leaseSeconds = options.leaseSeconds ?? 30;
  const orphanAfterMs = options.orphanAfterMs ?? 60_000;
  const workerId = randomUUID();
  const { context, queue, log } = deps;
  const step = { context, queue, workerId, leaseSeconds, log };
  // When this worker last held the head's message, to notice a head that has none.
  let headSeen: { entryId: string; atMs: number } | undefined;
  // Consecutive retryable failures of the head, for the backoff.
  let failures = 0;

  // An idle queue costs one receive per round. The entries are read when a message came, once at
  // start (a proxy that died between writing an entry and sending its message left a head with
  // none), and, while a head waits, often enough to notice that its message was lost.
  let lastListMs = Number.NEGATIVE_INFINITY;
  let headWaiting = true;

  const round = async (): Promise<number> => {
    const messages = await queue.messages.receive(MAX_MESSAGES, holdSeconds);
    const sinceList = context.now().getTime() - lastListMs;
    if (messages.length === 0 && (!headWaiting || sinceList < orphanAfterMs / 2)) return pollMs;
    lastListMs = context.now().getTime();
    const entries = await listQueueEntries(queue.table, queue.partitionKey);
    const byId = new Map(entries.map((entry) => [entry.row.entryId, entry]));
    const held = new Map<string, ReceivedMessage>();
    for (const message of messages) {
      const entryId = entryIdOf(message);
      const entry = entryId ? byId.get(entryId) : undefined;
      // No entry: cancelled, done, or not ours. Failed or stopped: it waits for no slot. A second
      // message for one entry: a repair's duplicate.
      if (!entryId || !entry || !holdsPlace(entry.row.state) || held.has(entryId)) {
        await queue.messages.remove(message).catch(() => undefined);
        continue;
      }
      held.set(entryId, message);
    }
    const head = entries.find((entry) => holdsPlace(entry.row.state));
    headWaiting = head !== undefined;
    if (!head) return pollMs;
    const nowMs = context.now().getTime();
    if (headSeen?.entryId !== head.row.entryId)
      headSeen = { entryId: head.row.entryId, atMs: nowMs };
    const message = held.get(head.row.entryId);
    if (!message) {
      if (head.row.state === 'queued' && nowMs - headSeen.atMs > orphanAfterMs) {
        log({
          level: 'warn',
          msg: 'queue head had no message; sent one',
          entryId: head.row.entryId,
        });
        await queue.messages.send(JSON.stringify({ entryId: head.row.entryId }));
        headSeen = { entryId: head.row.entryId, atMs: nowMs };
      }
      return pollMs;
    }
    headSeen = { entryId: head.row.entryId, atMs: nowMs };
    const result = await startQueueHead(step, head, message);
    const outcome: HeadOutcome = result.outcome;
    if (outcome === 'retry') {
      failures++;
      const backoffSeconds = Math.min(60, holdSeconds * 2 ** Math.min(failures, 4));
      await queue.messages.extend(result.message, backoffSeconds).catch(() => undefined);
      return pollMs;
    }
    failures = 0;
    // A started or failed head makes room for the next one at once.
    return outcome === 'waiting' ? pollMs : 0;
  };

  let stopped = false;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (!stopped) {
      let pause = pollMs;
      try {
        pause = await round();
      } catch (error) {
        log({
          level: 'warn',
          msg: 'queue worker round failed',
          code: (error as { code?: unknown }).code ?? 'INTERNAL',
          reason: error instanceof Error ? error.message : String(error),
        });
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, pause).unref();
      });
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}

/** Failed and stopped entries wait for no slot: only a new enqueue or a resume brings them back. */
const holdsPlace = (state: QueueEntryRow['state']): boolean =>
  state === 'queued' || state === 'starting';

function entryIdOf(message: ReceivedMessage): string | undefined {
  try {
    const body = QueueMessageBody.safeParse(JSON.parse(message.text));
    return body.success ? body.data.entryId : undefined;
  } catch {
    return undefined;
  }
}
