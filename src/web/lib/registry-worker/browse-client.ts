import { FromBrowseWorker, type ToBrowseWorker } from './browse-messages';
import type { RegistryRow } from './summarize-device';
import { createWorkerChannel, type WorkerFactory } from './worker-channel';

export type BrowseDoneInfo = Extract<FromBrowseWorker, { type: 'browse-done' }>;

export interface BrowseEvents {
  onRows: (rows: RegistryRow[], bytesProcessed: number) => void;
  onDone: (done: BrowseDoneInfo) => void;
  onError: (message: string) => void;
}

export interface BrowseClient {
  /** Hands one network chunk to the worker (its buffer is transferred, not copied). */
  push(bytes: Uint8Array<ArrayBuffer>): void;
  end(): void;
  readLine(index: number): Promise<string>;
  download(format: 'csv' | 'ndjson', indices?: Int32Array<ArrayBuffer>): Promise<Blob>;
  close(): void;
}

export function createBrowseClient(events: BrowseEvents, createWorker?: WorkerFactory): BrowseClient {
  const channel = createWorkerChannel({
    schema: FromBrowseWorker,
    isAnswer: (m) => m.type === 'browse-line-done' || m.type === 'browse-download-done' || m.type === 'browse-failed',
    errorOf: (m) => (m.type === 'browse-failed' ? m.message : null),
    onEvent: (m) => {
      if (m.type === 'browse-rows') events.onRows(m.rows, m.bytesProcessed);
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
    async readLine(index) {
      const answer = await channel.request((requestId): ToBrowseWorker => ({ type: 'browse-line', requestId, index }));
      if (answer.type !== 'browse-line-done') throw new Error('Unexpected answer from the worker.');
      return answer.text;
    },
    async download(format, indices) {
      const message = (requestId: string): ToBrowseWorker => (indices ? { type: 'browse-download', requestId, format, indices } : { type: 'browse-download', requestId, format });
      const answer = await channel.request(message, indices ? [indices.buffer] : []);
      if (answer.type !== 'browse-download-done') throw new Error('Unexpected answer from the worker.');
      return answer.file;
    },
    close: () => channel.close(),
  };
}
