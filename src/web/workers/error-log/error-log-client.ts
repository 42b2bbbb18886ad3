import type { ImportErrorEntry } from '../../../core/import-errors';
import {
  FromErrorLogWorker,
  type ToErrorLogWorker,
} from '../../../contracts/worker/error-log-messages';
import { createWorkerChannel, type WorkerFactory } from '../channel/worker-channel';
import type { WorkerError } from '../channel/worker-error';
import { createErrorLogWorker } from './create-error-log-worker';

export interface ErrorLogClient {
  /** One network chunk, transferred: the caller must not use the buffer again. */
  push(bytes: ArrayBuffer): void;
  /** Resolves once every entry has been handed to `onEntries`; rejects with the first failure. */
  end(): Promise<void>;
  /** The failure that stopped the parse, if any (pushing more is then pointless). */
  readonly failure: WorkerError | null;
  close(): void;
}

/** The page's end of the importErrors.log worker: bytes in, batches of entries out. */
export function createErrorLogClient(
  onEntries: (batch: readonly ImportErrorEntry[]) => void,
  create: WorkerFactory = createErrorLogWorker,
): ErrorLogClient {
  let failure: WorkerError | null = null;
  const channel = createWorkerChannel({
    create,
    schema: FromErrorLogWorker,
    isAnswer: (m) => m.type === 'done',
    onEvent: (m) => {
      if (m.type === 'entries') onEntries(m.entries);
    },
    onFailure: (error) => {
      failure ??= error;
    },
  });
  return {
    push(bytes) {
      const message: ToErrorLogWorker = { type: 'bytes', bytes };
      if (failure === null) channel.send(message, [bytes]);
    },
    async end() {
      if (failure) throw failure;
      const done = await channel.ask(
        (requestId): ToErrorLogWorker => ({ type: 'end', requestId }),
        'done',
      );
      onEntries(done.entries);
    },
    get failure() {
      return failure;
    },
    close: () => channel.close(),
  };
}
