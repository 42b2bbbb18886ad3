import {
  FromBrowseWorker,
  type RegistryFilter,
  type ToBrowseWorker,
} from '../../../contracts/worker/browse-messages';
import { createWorkerChannel, type WorkerFactory } from '../channel/worker-channel';

export type BrowseDoneInfo = Extract<FromBrowseWorker, { type: 'browse-done' }>;
export type BrowseQueryResult = Extract<FromBrowseWorker, { type: 'browse-query-done' }>;
export type BrowseWindowResult = Extract<FromBrowseWorker, { type: 'browse-window-done' }>;

export interface BrowseEvents {
  onProgress: (bytesProcessed: number, records: number) => void;
  onDone: (done: BrowseDoneInfo) => void;
  onError: (message: string) => void;
}

export interface BrowseClient {
  /** Hands one network chunk to the worker (its buffer is transferred, not copied). */
  push(bytes: Uint8Array<ArrayBuffer>): void;
  end(): void;
  /** Makes `queryId` the worker's current query: it counts the matches and keeps their list. */
  query(queryId: number, filter: RegistryFilter): Promise<BrowseQueryResult>;
  /**
   * Rows at positions offset..offset+limit-1 of the query's matches; none when a newer query ran.
   */
  window(queryId: number, offset: number, limit: number): Promise<BrowseWindowResult>;
  readLine(index: number): Promise<string>;
  /** Every record, or the matches of `queryId` when given. */
  download(format: 'csv' | 'ndjson', queryId?: number): Promise<Blob>;
  close(): void;
}

const ANSWERS = new Set<FromBrowseWorker['type']>([
  'browse-query-done',
  'browse-window-done',
  'browse-line-done',
  'browse-download-done',
  'browse-failed',
]);

function expectAnswer<T extends FromBrowseWorker['type']>(
  message: FromBrowseWorker,
  type: T,
): Extract<FromBrowseWorker, { type: T }> {
  if (message.type !== type) throw new Error(`Unexpected answer from the worker: ${message.type}`);
  return message as Extract<FromBrowseWorker, { type: T }>;
}

export function createBrowseClient(
  events: BrowseEvents,
  createWorker?: WorkerFactory,
): BrowseClient {
  const channel = createWorkerChannel({
    schema: FromBrowseWorker,
    isAnswer: (m) => ANSWERS.has(m.type),
    errorOf: (m) => (m.type === 'browse-failed' ? m.message : null),
    onEvent: (m) => {
      if (m.type === 'browse-progress') events.onProgress(m.bytesProcessed, m.records);
      else if (m.type === 'browse-done') events.onDone(m);
      else if (m.type === 'browse-failed') events.onError(m.message);
    },
    onCrash: events.onError,
    ...(createWorker ? { createWorker } : {}),
  });
  return {
    push(bytes) {
      const message: ToBrowseWorker = { type: 'browse-chunk', bytes };
      channel.send(message, [bytes.buffer]);
    },
    end() {
      const message: ToBrowseWorker = { type: 'browse-end' };
      channel.send(message);
    },
    async query(queryId, filter) {
      return expectAnswer(
        await channel.request((requestId): ToBrowseWorker => ({
          type: 'browse-query',
          requestId,
          queryId,
          filter,
        })),
        'browse-query-done',
      );
    },
    async window(queryId, offset, limit) {
      return expectAnswer(
        await channel.request((requestId): ToBrowseWorker => ({
          type: 'browse-window',
          requestId,
          queryId,
          offset,
          limit,
        })),
        'browse-window-done',
      );
    },
    async readLine(index) {
      return expectAnswer(
        await channel.request((requestId): ToBrowseWorker => ({
          type: 'browse-line',
          requestId,
          index,
        })),
        'browse-line-done',
      ).text;
    },
    async download(format, queryId) {
      const message = (requestId: string): ToBrowseWorker =>
        queryId === undefined
          ? { type: 'browse-download', requestId, format }
          : { type: 'browse-download', requestId, format, queryId };
      return expectAnswer(await channel.request(message), 'browse-download-done').file;
    },
    close: () => channel.close(),
  };
}
