import {
  FromBrowseWorker,
  type RegistryFilter,
  type ToBrowseWorker,
} from '../../../contracts/worker/browse-messages';
import type { BrowseAction } from './build-selection-import';
import { createWorkerChannel, type WorkerFactory } from '../channel/worker-channel';
import type { WorkerError } from '../channel/worker-error';
import { createRegistryWorker } from './create-registry-worker';

export type BrowseDoneInfo = Extract<FromBrowseWorker, { type: 'browse-done' }>;
export type BrowseQueryResult = Extract<FromBrowseWorker, { type: 'browse-query-done' }>;
export type BrowseWindowResult = Extract<FromBrowseWorker, { type: 'browse-window-done' }>;
export type BrowseActResult = Extract<FromBrowseWorker, { type: 'browse-act-done' }>;

export interface BrowseEvents {
  onProgress: (bytesProcessed: number, records: number) => void;
  onDone: (done: BrowseDoneInfo) => void;
  /** The worker crashed or failed outside a request; its requests are rejected with the same. */
  onError: (error: WorkerError) => void;
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
  /** The import applying `action` to every record, or to the matches of `queryId` when given. */
  act(action: BrowseAction, queryId?: number): Promise<BrowseActResult>;
  close(): void;
}

const EVENTS = new Set<FromBrowseWorker['type']>(['browse-progress', 'browse-done']);

export function createBrowseClient(
  events: BrowseEvents,
  create: WorkerFactory = createRegistryWorker,
): BrowseClient {
  const channel = createWorkerChannel({
    create,
    schema: FromBrowseWorker,
    isAnswer: (m) => !EVENTS.has(m.type),
    onEvent: (m) => {
      if (m.type === 'browse-progress') events.onProgress(m.bytesProcessed, m.records);
      else if (m.type === 'browse-done') events.onDone(m);
    },
    onFailure: events.onError,
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
    query: (queryId, filter) =>
      channel.ask(
        (requestId): ToBrowseWorker => ({ type: 'browse-query', requestId, queryId, filter }),
        'browse-query-done',
      ),
    window: (queryId, offset, limit) =>
      channel.ask(
        (requestId): ToBrowseWorker => ({
          type: 'browse-window',
          requestId,
          queryId,
          offset,
          limit,
        }),
        'browse-window-done',
      ),
    async readLine(index) {
      const answer = await channel.ask(
        (requestId): ToBrowseWorker => ({ type: 'browse-line', requestId, index }),
        'browse-line-done',
      );
      return answer.text;
    },
    async download(format, queryId) {
      const message = (requestId: string): ToBrowseWorker =>
        queryId === undefined
          ? { type: 'browse-download', requestId, format }
          : { type: 'browse-download', requestId, format, queryId };
      return (await channel.ask(message, 'browse-download-done')).file;
    },
    act: (action, queryId) =>
      channel.ask(
        (requestId): ToBrowseWorker =>
          queryId === undefined
            ? { type: 'browse-act', requestId, action }
            : { type: 'browse-act', requestId, action, queryId },
        'browse-act-done',
      ),
    close: () => channel.close(),
  };
}
