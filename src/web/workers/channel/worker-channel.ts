import type { z } from 'zod';

export type WorkerFactory = () => Worker;

export const createRegistryWorker: WorkerFactory = () =>
  new Worker(new URL('../registry/registry-worker.ts', import.meta.url), { type: 'module' });

interface ChannelMessage {
  type: string;
  requestId?: string | undefined;
}

interface ChannelOptions<Out extends ChannelMessage> {
  schema: z.ZodType<Out>;
  /** Messages that answer a request (resolve or reject it); everything else is an event. */
  isAnswer: (message: Out) => boolean;
  /** The error an answer carries, or null when it is a success. */
  errorOf: (message: Out) => string | null;
  onEvent: (message: Out) => void;
  onCrash: (message: string) => void;
  createWorker?: WorkerFactory;
}

export interface WorkerChannel<Out> {
  send(message: unknown, transfer?: Transferable[]): void;
  request(build: (requestId: string) => unknown, transfer?: Transferable[]): Promise<Out>;
  close(): void;
}

/**
 * The main-thread end of the registry worker: matches answers to requests by requestId, validates
 * every message, and fails every open request when the worker dies or is closed.
 */
export function createWorkerChannel<Out extends ChannelMessage>(
  options: ChannelOptions<Out>,
): WorkerChannel<Out> {
  const worker = (options.createWorker ?? createRegistryWorker)();
  const pending = new Map<
    string,
    { resolve: (message: Out) => void; reject: (error: Error) => void }
  >();
  let next = 0;
  let closed = false;

  const failAll = (reason: string): void => {
    for (const waiter of pending.values()) waiter.reject(new Error(reason));
    pending.clear();
  };

  worker.addEventListener('message', (event: MessageEvent<unknown>) => {
    const parsed = options.schema.safeParse(event.data);
    if (!parsed.success) {
      options.onCrash(`Unexpected message from the worker: ${parsed.error.message}`);
      return;
    }
    const message = parsed.data;
    const waiter = message.requestId === undefined ? undefined : pending.get(message.requestId);
    if (waiter === undefined || !options.isAnswer(message)) {
      options.onEvent(message);
      return;
    }
    pending.delete(message.requestId as string);
    const error = options.errorOf(message);
    if (error === null) waiter.resolve(message);
    else waiter.reject(new Error(error));
  });
  worker.addEventListener('error', (event: ErrorEvent) => {
    const reason = `The worker failed: ${event.message || 'unknown error'}`;
    failAll(reason);
    options.onCrash(reason);
  });

  return {
    send(message, transfer = []) {
      if (!closed) worker.postMessage(message, transfer);
    },
    request(build, transfer = []) {
      if (closed) return Promise.reject(new Error('The worker was closed.'));
      const requestId = `r${++next}`;
      return new Promise<Out>((resolve, reject) => {
        pending.set(requestId, { resolve, reject });
        worker.postMessage(build(requestId), transfer);
      });
    },
    close() {
      closed = true;
      worker.terminate();
      const error = new Error('The worker was closed.');
      error.name = 'AbortError';
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
    },
  };
}
