import { odata, RestError } from '@azure/data-tables';
import type { IndexTable } from '../operations-index/index-table-client';
import { isNotFound } from '../operations-index/index-table-client';
import {
  fromQueueEntity,
  QUEUE_ROW_RANGE,
  QUEUE_SEQUENCE_ROW_KEY,
  queueRowKey,
  type QueueEntryRow,
  type StoredQueueEntry,
} from './queue-entry';

// The queue entries of one hub in the operations index: appended with the next sequence number,
// listed oldest first, changed only with If-Match on their ETag so two proxies never both claim one.

interface SequenceRow {
  partitionKey: string;
  rowKey: string;
  next: number;
}

const isConflict = (error: unknown): boolean =>
  error instanceof RestError && (error.statusCode === 409 || error.statusCode === 412);

/** Concurrent appends from several proxies: each lost race reads the counter again. */
const APPEND_ATTEMPTS = 20;

export type EntryDraft = Omit<QueueEntryRow, 'partitionKey' | 'rowKey' | 'entryId'>;

export async function appendQueueEntry(
  table: IndexTable,
  partitionKey: string,
  draft: EntryDraft,
): Promise<QueueEntryRow> {
  return table.call(async (client) => {
    for (let attempt = 0; ; attempt++) {
      let counter: (SequenceRow & { etag: string }) | undefined;
      try {
        counter = await client.getEntity<SequenceRow>(partitionKey, QUEUE_SEQUENCE_ROW_KEY);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
      const sequence = counter?.next ?? 1;
      const entryId = String(sequence);
      const row: QueueEntryRow = {
        ...draft,
        partitionKey,
        rowKey: queueRowKey(entryId),
        entryId,
      };
      const nextCounter = { partitionKey, rowKey: QUEUE_SEQUENCE_ROW_KEY, next: sequence + 1 };
      try {
        // One entity-group transaction: the number is taken and the entry appears together, so an
        // entry with a smaller number can never show up after a larger one was already started.
        await client.submitTransaction([
          counter
            ? ['update', nextCounter, 'Replace', { etag: counter.etag }]
            : ['create', nextCounter],
          ['create', row],
        ]);
        return row;
      } catch (error) {
        if (!isConflict(error) || attempt + 1 >= APPEND_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * attempt));
      }
    }
  });
}

/** Every entry of the hub, oldest first (the service returns rows in row-key order). */
export async function listQueueEntries(
  table: IndexTable,
  partitionKey: string,
): Promise<StoredQueueEntry[]> {
  return table.call(async (client) => {
    const found: StoredQueueEntry[] = [];
    const rows = client.listEntities({
      queryOptions: {
        filter: odata`PartitionKey eq ${partitionKey} and RowKey ge ${QUEUE_ROW_RANGE.from} and RowKey lt ${QUEUE_ROW_RANGE.to}`,
      },
    });
    for await (const raw of rows) {
      const entry = fromQueueEntity(raw);
      if (entry) found.push(entry);
    }
    return found.sort((a, b) => (a.row.rowKey < b.row.rowKey ? -1 : 1));
  });
}

export async function readQueueEntry(
  table: IndexTable,
  partitionKey: string,
  entryId: string,
): Promise<StoredQueueEntry | undefined> {
  return table.call(async (client) => {
    try {
      return fromQueueEntity(await client.getEntity(partitionKey, queueRowKey(entryId)));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  });
}

/** Replaces an entry if nobody changed it since `etag`; undefined when someone did. */
export async function replaceQueueEntry(
  table: IndexTable,
  row: QueueEntryRow,
  etag: string,
): Promise<StoredQueueEntry | undefined> {
  return table.call(async (client) => {
    try {
      const written = await client.updateEntity(row, 'Replace', { etag });
      return written.etag ? { row, etag: written.etag } : undefined;
    } catch (error) {
      if (isConflict(error) || isNotFound(error)) return undefined;
      throw error;
    }
  });
}

/** Deletes an entry (only the version `etag` names, when given); false when it was not there. */
export async function deleteQueueEntry(
  table: IndexTable,
  partitionKey: string,
  entryId: string,
  etag?: string,
): Promise<boolean> {
  return table.call(async (client) => {
    try {
      await client.deleteEntity(partitionKey, queueRowKey(entryId), etag ? { etag } : undefined);
      return true;
    } catch (error) {
      if (isNotFound(error) || isConflict(error)) return false;
      throw error;
    }
  });
}
