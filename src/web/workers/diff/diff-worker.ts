import { FromDiffWorker, ToDiffWorker } from '../../../contracts/worker/diff-messages';
import { serveWorker } from '../channel/serve-worker';
import { createDiffSession } from './diff-session';

// The diff's worker: two snapshots read and compared, then kept for describe, plan and download.
let diff: ReturnType<typeof createDiffSession> | null = null;

serveWorker({
  receive: ToDiffWorker,
  send: FromDiffWorker,
  handle(message, post) {
    diff ??= createDiffSession(post);
    return diff(message);
  },
});
