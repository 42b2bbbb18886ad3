import { FromPlanWorker, ToPlanWorker } from '../../../contracts/worker/plan-messages';
import { createPlanSession } from './plan-session';

// The worker shell: every message in and out is checked against the plan protocol
// (contracts/worker/plan-messages.ts); the session does the work. One worker holds one plan.
interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

const scope = self as unknown as WorkerScope;
const session = createPlanSession((message) => scope.postMessage(FromPlanWorker.parse(message)));

scope.addEventListener('message', (event) => {
  const parsed = ToPlanWorker.safeParse(event.data);
  if (parsed.success) {
    void session(parsed.data);
    return;
  }
  const data = event.data as { requestId?: unknown } | null;
  scope.postMessage({
    type: 'failed',
    requestId: typeof data?.requestId === 'string' ? data.requestId : 'unknown',
    error: { code: 'internal', message: `The plan worker did not understand a message.` },
  });
});
