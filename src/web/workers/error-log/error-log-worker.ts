import { FromErrorLogWorker, ToErrorLogWorker } from '../../../contracts/worker/error-log-messages';
import { serveWorker } from '../channel/serve-worker';
import { createErrorLogSession } from './error-log-session';

// Thin shell: one importErrors.log streamed in and parsed, one worker per read.
let session: ReturnType<typeof createErrorLogSession> | null = null;

serveWorker({
  receive: ToErrorLogWorker,
  send: FromErrorLogWorker,
  handle(message, post) {
    session ??= createErrorLogSession(post);
    session(message);
  },
});
