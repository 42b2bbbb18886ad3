import { FromHashWorker, ToHashWorker } from '../../../contracts/worker/hash-messages';
import { serveWorker } from '../channel/serve-worker';
import { createInlineHasher, type StreamHasher } from './stream-hasher';

// Nested worker that hashes the parts the conversion worker posts to it. On a 2-core machine
// hashing ~450 MB (1M rows: source + output) in JS costs seconds; here it runs beside the
// conversion instead of after each chunk, and the conversion's result does not wait for it.
// Parts arrive as Blob handles and are read one at a time, so a backlog costs no heap.
let hasher: StreamHasher | null = null;

serveWorker({
  receive: ToHashWorker,
  send: FromHashWorker,
  async handle(message, post) {
    hasher ??= createInlineHasher((bytes) => post({ type: 'hashed', bytes }));
    if (message.type === 'part') hasher[message.side](message.part);
    else post({ type: 'digest-done', requestId: message.requestId, ...(await hasher.digest()) });
  },
  failureCode: () => 'CHECKSUM_FAILED',
});
