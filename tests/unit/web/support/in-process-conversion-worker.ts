import {
  FromConversionWorker,
  ToConversionWorker,
} from '../../../../src/contracts/worker/conversion-messages';
import type { WorkerFactory } from '../../../../src/web/workers/channel/worker-channel';
import { createConversionSession } from '../../../../src/web/workers/conversion/conversion-session';
import { workerInProcess } from './worker-pipe';

/**
 * The conversion worker's session behind the Worker interface, in this thread (the hashing falls
 * back to this thread too: Node has no Worker). `readAs` replaces the dropped file on the worker's
 * side: the pipe clones the File, so a fault must be put on the worker's own copy.
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
