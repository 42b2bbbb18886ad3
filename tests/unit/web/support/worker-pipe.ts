import {
  serveWorker,
  type ServeOptions,
  type WorkerScope,
} from '../../../../src/web/workers/channel/serve-worker';

type Listener = (event: MessageEvent<unknown>) => void;

/**
 * A worker in this thread: serveWorker on one end of a pipe that clones each message as
 * postMessage does and delivers it on a later task, a Worker for the page's channel on the other.
 * Both ends are the real code; only the thread is missing.
 */
export function workerInProcess<In, Out>(options: Omit<ServeOptions<In, Out>, 'scope'>): Worker {
  const toWorker: Listener[] = [];
  const toPage: Listener[] = [];
  let terminated = false;
  const deliver = (listeners: Listener[], message: unknown) =>
    setTimeout(() => {
      if (terminated) return;
      const data: unknown = structuredClone(message);
      for (const listener of listeners) listener({ data } as MessageEvent<unknown>);
    });
  const scope: WorkerScope = {
    postMessage: (message) => deliver(toPage, message),
    addEventListener: (_type, listener) => toWorker.push(listener),
  };
  serveWorker({ ...options, scope });
  const worker = {
    postMessage: (message: unknown) => deliver(toWorker, message),
    addEventListener: (type: string, listener: Listener) => {
      if (type === 'message') toPage.push(listener);
    },
    terminate: () => {
      terminated = true;
    },
  };
  return worker as unknown as Worker;
}
