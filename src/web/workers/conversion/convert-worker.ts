import {
  FromConversionWorker,
  ToConversionWorker,
} from '../../../contracts/worker/conversion-messages';
import { serveWorker } from '../channel/serve-worker';
import { createConversionSession } from './conversion-session';

// The worker shell: one dropped file converted, its checksums answered when hashing has finished.
let session: ReturnType<typeof createConversionSession> | null = null;

serveWorker({
  receive: ToConversionWorker,
  send: FromConversionWorker,
  handle(message, post) {
    session ??= createConversionSession(post, {
      randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
    });
    return session(message);
  },
  failureCode: (message) => (message.type === 'convert' ? 'CONVERSION_FAILED' : 'CHECKSUM_FAILED'),
});
