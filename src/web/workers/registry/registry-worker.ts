import { FromBrowseWorker, ToBrowseWorker } from '../../../contracts/worker/browse-messages';
import { serveWorker } from '../channel/serve-worker';
import { createBrowseSession } from './browse-session';

// The registry browser's worker: one export streamed in and browsed, one worker per page visit.
let browse: ReturnType<typeof createBrowseSession> | null = null;

serveWorker({
  receive: ToBrowseWorker,
  send: FromBrowseWorker,
  handle(message, post) {
    browse ??= createBrowseSession(post);
    browse(message);
  },
});
