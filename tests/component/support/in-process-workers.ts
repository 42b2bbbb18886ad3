import type { WorkerFactory } from '../../../src/web/workers/channel/worker-channel';

export { inProcessConversionWorker } from '../../unit/web/support/in-process-conversion-worker';

// The workers' own code behind the Worker interface, in this thread (Node has no dedicated workers
// for Vite module URLs; tests/unit/web/support/): the channel, both schemas and the session all
// run, messages are cloned and delivered on a later task as postMessage does. `terminated` counts
// the workers the page closed, which is what a cancel or an unmount must do.

export interface CountedFactory {
  create: WorkerFactory;
  started(): number;
  terminated(): number;
}

/** Counts the workers `create` starts and the ones the page terminates. */
export function counted(create: WorkerFactory): CountedFactory {
  let started = 0;
  let terminated = 0;
  return {
    create() {
      started += 1;
      const worker = create();
      const terminate = worker.terminate.bind(worker);
      worker.terminate = () => {
        terminated += 1;
        terminate();
      };
      return worker;
    },
    started: () => started,
    terminated: () => terminated,
  };
}
