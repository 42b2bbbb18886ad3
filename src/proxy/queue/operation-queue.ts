import type { IndexTable } from '../operations-index/index-table-client';
import type { MessageQueue } from './message-queue';

// The hub's queue of operations waiting for its one job slot: the entries (order and state) in the
// operations index's table, and one message per entry in the hub's storage queue, whose visibility
// lease keeps two workers from starting the same entry at once (docs/proxy.md, "Queue and monitor").
export interface OperationQueue {
  table: IndexTable;
  /** The hub's partition of the operations index. */
  partitionKey: string;
  messages: MessageQueue;
}
