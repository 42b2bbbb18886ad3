import { FromPlanWorker, ToPlanWorker } from '../../../../src/contracts/worker/plan-messages';
import type { WorkerFactory } from '../../../../src/web/workers/channel/worker-channel';
import { createPlanSession } from '../../../../src/web/workers/plan/plan-session';

// The real plan session behind the Worker interface the channel uses, in this process: the
// client, the channel, both schemas and the session all run; only the thread is missing (Node
// has no dedicated workers for Vite module URLs).
export const inProcessPlanWorker: WorkerFactory = () => {
  const listeners: ((event: MessageEvent<unknown>) => void)[] = [];
  let terminated = false;
  const session = createPlanSession((message) => {
    const data = FromPlanWorker.parse(message);
    queueMicrotask(() => {
      if (!terminated) for (const listener of listeners) listener({ data } as MessageEvent);
    });
  });
  const worker = {
    postMessage(message: unknown) {
      void session(ToPlanWorker.parse(message));
    },
    addEventListener(type: string, listener: (event: MessageEvent<unknown>) => void) {
      if (type === 'message') listeners.push(listener);
    },
    terminate() {
      terminated = true;
    },
  };
  return worker as unknown as Worker;
};
