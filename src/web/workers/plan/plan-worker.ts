import { FromPlanWorker, ToPlanWorker } from '../../../contracts/worker/plan-messages';
import { serveWorker } from '../channel/serve-worker';
import { createPlanSession } from './plan-session';

// The plan's worker: the import file and the registry export read once, the plan kept for the
// table's pages, the undo file and the outcome check (contracts/worker/plan-messages.ts).
let plan: ReturnType<typeof createPlanSession> | null = null;

serveWorker({
  receive: ToPlanWorker,
  send: FromPlanWorker,
  handle(message, post) {
    plan ??= createPlanSession(post);
    return plan(message);
  },
});
