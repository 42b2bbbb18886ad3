import { FromHashWorker, type ToHashWorker } from '../../../contracts/worker/hash-messages';
import {
  createWorkerChannel,
  type WorkerChannel,
  type WorkerFactory,
} from '../channel/worker-channel';
import { createHashWorker } from './create-hash-worker';
import { createInlineHasher, type OnHashed, type StreamHasher } from './stream-hasher';

/**
 * Hashes in a nested worker when the scope can start one (dedicated workers in Chromium can); else
 * inline.
 */
export function createWorkerHasher(
  onHashed?: OnHashed,
  create: WorkerFactory = createHashWorker,
): StreamHasher {
  if (typeof Worker === 'undefined') return createInlineHasher(onHashed);
  let queued = 0;
  let channel: WorkerChannel<FromHashWorker>;
  try {
    channel = createWorkerChannel({
      create,
      schema: FromHashWorker,
      isAnswer: (m) => m.type === 'digest-done',
      onEvent: (m) => {
        if (m.type === 'hashed') onHashed?.(m.bytes, queued);
      },
    });
  } catch {
    return createInlineHasher(onHashed);
  }
  const send = (side: 'source' | 'output', part: Blob): void => {
    queued += part.size;
    const message: ToHashWorker = { type: 'part', side, part };
    channel.send(message);
  };
  return {
    source: (part) => send('source', part),
    output: (part) => send('output', part),
    async digest() {
      try {
        const done = await channel.ask(
          (requestId): ToHashWorker => ({ type: 'digest', requestId }),
          'digest-done',
        );
        return { sourceSha256: done.sourceSha256, outputSha256: done.outputSha256 };
      } finally {
        channel.close();
      }
    },
  };
}
