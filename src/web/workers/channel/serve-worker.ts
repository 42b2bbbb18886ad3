import type { z } from 'zod';
import type {
  WorkerFailedMessage,
  WorkerFailureCode,
} from '../../../contracts/worker/worker-failure';
import { isWorkerError, messageOf, WorkerError } from './worker-error';

/** What a worker shell needs of its global scope (`self`); tests pass one of their own. */
export interface WorkerScope {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

export type Post<Out> = (message: Out, transfer?: Transferable[]) => void;

export interface ServeOptions<In, Out> {
  /** Every message in is parsed with it; one that does not match is answered WORKER_PROTOCOL. */
  receive: z.ZodType<In>;
  /** Every message out is parsed with it before it is posted. */
  send: z.ZodType<Out>;
  handle: (message: In, post: Post<Out>) => void | Promise<void>;
  /** The code of an error thrown while handling `message` that is not a WorkerError already. */
  failureCode?: (message: In) => WorkerFailureCode;
  scope?: WorkerScope;
}

function requestIdOf(data: unknown): string | undefined {
  const id = (data as { requestId?: unknown } | null)?.requestId;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * The worker's end of the channel (src/web/workers/channel/worker-channel.ts), shared by every
 * worker entry: parse what comes in, hand it to the engine, parse what goes out, and turn anything
 * thrown into the one coded `failed` message for the request that caused it.
 */
export function serveWorker<In, Out>(options: ServeOptions<In, Out>): void {
  const scope = options.scope ?? (self as unknown as WorkerScope);
  const post: Post<Out> = (message, transfer = []) => {
    const checked = options.send.safeParse(message);
    if (!checked.success)
      throw new WorkerError('WORKER_PROTOCOL', `Unexpected answer: ${checked.error.message}`);
    scope.postMessage(checked.data, transfer);
  };
  const failed = (data: unknown, code: WorkerFailureCode, message: string): void => {
    const requestId = requestIdOf(data);
    const failure: WorkerFailedMessage = {
      type: 'failed',
      ...(requestId === undefined ? {} : { requestId }),
      error: { code, message },
    };
    scope.postMessage(failure);
  };

  scope.addEventListener('message', (event) => {
    const parsed = options.receive.safeParse(event.data);
    if (!parsed.success) {
      failed(event.data, 'WORKER_PROTOCOL', `Unexpected message: ${parsed.error.message}`);
      return;
    }
    const message = parsed.data;
    const onError = (error: unknown): void => {
      const code = isWorkerError(error)
        ? error.code
        : (options.failureCode?.(message) ?? 'WORKER_INTERNAL');
      failed(message, code, messageOf(error));
    };
    try {
      const running = options.handle(message, post);
      if (running instanceof Promise) running.catch(onError);
    } catch (error) {
      onError(error);
    }
  });
}
