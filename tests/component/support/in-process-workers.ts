import {
  FromConversionWorker,
  ToConversionWorker,
} from '../../../src/contracts/worker/conversion-messages';
import type { WorkerFactory } from '../../../src/web/workers/channel/worker-channel';
import { createConversionSession } from '../../../src/web/workers/conversion/conversion-session';
import { workerInProcess } from '../../unit/web/support/worker-pipe';

// The workers' own code behind the Worker interface, in this thread (Node has no dedicated workers
// for Vite module URLs): the channel, both schemas and the session all run, messages are cloned
// and delivered on a later task as postMessage does. `terminated` counts the workers the page
// closed, which is what a cancel or an unmount must do.

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

/**
 * The conversion worker. `readAs` replaces the dropped file on the worker's side (the pipe clones
 * the File, so a fault must be put on the worker's own copy).
 */
export function inProcessConversionWorker(readAs?: (file: Blob) => Blob): WorkerFactory {
  return () => {
    let session: ReturnType<typeof createConversionSession> | null = null;
    return workerInProcess({
      receive: ToConversionWorker,
      send: FromConversionWorker,
      handle(message, post) {
        session ??= createConversionSession(post, { randomBytes: (n) => new Uint8Array(n) });
        const read =
          message.type === 'convert' && readAs
            ? { ...message, file: readAs(message.file) }
            : message;
        return session(read);
      },
      failureCode: (message) =>
        message.type === 'convert' ? 'CONVERSION_FAILED' : 'CHECKSUM_FAILED',
    });
  };
}
