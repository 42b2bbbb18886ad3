import type { z } from 'zod';
import { WorkerFailedMessage } from '../../../contracts/worker/worker-failure';
import { messageOf, WorkerError } from './worker-error';

/**
 * Starts one worker. Each engine's factory is the only place its entry is named, written
 * `new Worker(new URL('./x-worker.ts', import.meta.url), { type: 'module' })` so Vite bundles it;
 * tests pass a factory of their own.
 */
export type WorkerFactory = () => Worker;

interface ChannelMessage {
  type: string;
  requestId?: string | undefined;
}

export interface ChannelOptions<Out extends ChannelMessage> {
  create: WorkerFactory;
  /** Every message from the worker is parsed with it; a breach is a WORKER_PROTOCOL failure. */
  schema: z.ZodType<Out>;
  /** Messages that answer a request (resolve it); everything else is an event. */
  isAnswer: (message: Out) => boolean;
  onEvent?: (message: Out) => void;
  /**
   * A failure no request is waiting for: the worker crashed, broke the protocol, or failed outside
   * a request. Open requests are rejected with the same error.
   */
  onFailure?: (error: WorkerError) => void;
}

export interface WorkerChannel<Out extends ChannelMessage> {
  /** A message that expects no answer (a chunk of bytes, the end of a stream). */
  send(message: unknown, transfer?: Transferable[]): void;
  /**
   * A request numbered by the channel, resolved by the answer of type `answer` that carries its
   * requestId; rejected with a WorkerError when the worker fails it, answers something else,
   * crashes or is closed.
   */
  ask<T extends Out['type']>(
    build: (requestId: string) => unknown,
    answer: T,
    transfer?: Transferable[],
  ): Promise<Extract<Out, { type: T }>>;
  /** Terminates the worker; open requests are rejected as CANCELLED (an AbortError). */
  close(): void;
}

interface Waiter {
  answer: string;
  resolve: (message: ChannelMessage) => void;
  reject: (error: WorkerError) => void;
}

/**
 * The page's end of every worker (conversion, hashing, registry, diff, error log): one way to
 * start it, answers matched to requests by requestId, every message parsed, failures as coded
 * WorkerErrors, and a close that cancels whatever is open.
 */
export function createWorkerChannel<Out extends ChannelMessage>(
  options: ChannelOptions<Out>,
): WorkerChannel<Out> {
  const worker = options.create();
  const pending = new Map<string, Waiter>();
  let next = 0;
  /** Why the worker is gone (closed, or crashed); later requests are rejected with it. */
  let ended: WorkerError | null = null;

  const failAll = (error: WorkerError): void => {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  const fail = (error: WorkerError): void => {
    failAll(error);
    options.onFailure?.(error);
  };

  worker.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (ended) return;
    const parsed = options.schema.safeParse(event.data);
    if (!parsed.success) {
      fail(new WorkerError('WORKER_PROTOCOL', `Unexpected message: ${parsed.error.message}`));
      return;
    }
    const message = parsed.data;
    const waiter = message.requestId === undefined ? undefined : pending.get(message.requestId);
    const failure = message.type === 'failed' ? WorkerFailedMessage.safeParse(message) : null;
    if (failure?.success) {
      const error = new WorkerError(failure.data.error.code, failure.data.error.message);
      if (waiter === undefined) fail(error);
      else {
        pending.delete(message.requestId as string);
        waiter.reject(error);
      }
      return;
    }
    if (waiter === undefined || !options.isAnswer(message)) {
      options.onEvent?.(message);
      return;
    }
    pending.delete(message.requestId as string);
    if (message.type === waiter.answer) waiter.resolve(message);
    else
      waiter.reject(
        new WorkerError(
          'WORKER_PROTOCOL',
          `Expected ${waiter.answer}, the worker sent ${message.type}`,
        ),
      );
  });
  worker.addEventListener('error', (event: ErrorEvent) => {
    if (ended) return;
    // A crashed worker answers nothing more: stop it so its thread and memory go at once.
    ended = new WorkerError('WORKER_CRASHED', event.message || 'unknown error');
    worker.terminate();
    fail(ended);
  });

  const post = (message: unknown, transfer: Transferable[]): WorkerError | null => {
    try {
      worker.postMessage(message, transfer);
      return null;
    } catch (error) {
      // postMessage throws synchronously for what cannot be cloned or transferred.
      return new WorkerError('WORKER_PROTOCOL', messageOf(error));
    }
  };

  return {
    send(message, transfer = []) {
      if (ended) return;
      const error = post(message, transfer);
      if (error) fail(error);
    },
    ask(build, answer, transfer = []) {
      if (ended) return Promise.reject(ended);
      const requestId = `r${++next}`;
      return new Promise((resolve, reject) => {
        pending.set(requestId, {
          answer,
          resolve: resolve as (message: ChannelMessage) => void,
          reject,
        });
        const error = post(build(requestId), transfer);
        if (error) {
          pending.delete(requestId);
          reject(error);
        }
      });
    },
    close() {
      if (ended) return;
      ended = new WorkerError('CANCELLED', 'The worker was closed.');
      worker.terminate();
      failAll(ended);
    },
  };
}
