import type { MessageQueue, ReceivedMessage } from './message-queue';
import type { OperationQueue } from './operation-queue';
import { replaceQueueEntry } from './queue-entries';
import type { StoredQueueEntry } from './queue-entry';

// While a worker starts an entry it keeps two leases alive: the message's visibility (no other
// worker receives it) and the entry's claim time (no other worker takes the entry over as
// abandoned). Both are renewed every third of the lease, so one missed renewal never lets them
// lapse; a worker killed mid-start stops renewing, and after one lease another worker resumes.

export interface HeldLease {
  /** The entry as last written (its ETag changes with each renewal). */
  entry(): StoredQueueEntry;
  message(): ReceivedMessage;
  stop(): Promise<void>;
}

export async function keepLease(
  queue: OperationQueue,
  entry: StoredQueueEntry,
  message: ReceivedMessage,
  leaseSeconds: number,
  now: () => Date,
): Promise<HeldLease> {
  let currentEntry = entry;
  let currentMessage = await extendMessage(queue.messages, message, leaseSeconds);
  let renewing: Promise<void> = Promise.resolve();
  const renew = async (): Promise<void> => {
    currentMessage = await extendMessage(queue.messages, currentMessage, leaseSeconds);
    const renewed = await replaceQueueEntry(
      queue.table,
      { ...currentEntry.row, claimedAt: now().toISOString() },
      currentEntry.etag,
    );
    if (renewed) currentEntry = renewed;
  };
  const timer = setInterval(
    () => {
      renewing = renewing.then(renew).catch(() => undefined);
    },
    Math.max(100, (leaseSeconds * 1000) / 3),
  );
  return {
    entry: () => currentEntry,
    message: () => currentMessage,
    async stop() {
      clearInterval(timer);
      await renewing;
    },
  };
}

async function extendMessage(
  messages: MessageQueue,
  message: ReceivedMessage,
  seconds: number,
): Promise<ReceivedMessage> {
  return { ...message, popReceipt: await messages.extend(message, seconds) };
}
