import type {
  FromConversionWorker,
  ToConversionWorker,
} from '../../../contracts/worker/conversion-messages';
import type { Post } from '../channel/serve-worker';
import { messageOf, WorkerError } from '../channel/worker-error';
import { convertFile } from './convert-file';
import { createWorkerHasher } from './create-worker-hasher';
import type { Checksums } from './stream-hasher';

const ISSUES_PER_MESSAGE = 1000;

export interface ConversionSessionDeps {
  randomBytes: (length: number) => Uint8Array;
}

/**
 * The conversion worker's state: run core over the file, post progress, the issues in batches and
 * the result; keep the hashing, which settles later, until the page asks for the checksums.
 */
export function createConversionSession(
  post: Post<FromConversionWorker>,
  deps: ConversionSessionDeps,
) {
  let checksums: Promise<Checksums> | null = null;

  return async function handle(message: ToConversionWorker): Promise<void> {
    const { requestId } = message;
    if (message.type === 'checksums') {
      if (checksums === null)
        throw new WorkerError('WORKER_PROTOCOL', 'Checksums were asked before a conversion ran.');
      const sums = await checksums.catch((error: unknown) => {
        throw new WorkerError('CHECKSUM_FAILED', messageOf(error));
      });
      post({ type: 'checksums', requestId, ...sums });
      return;
    }
    const {
      checksums: pending,
      report,
      ...result
    } = await convertFile(message.file, message.options, {
      randomBytes: deps.randomBytes,
      onProgress: (progress) => post({ type: 'progress', progress }),
      hasher: createWorkerHasher((hashedBytes, totalBytes) =>
        post({ type: 'checksum-progress', hashedBytes, totalBytes }),
      ),
    });
    checksums = pending;
    // Nobody may ask for them (the diff page never uploads): no unhandled rejection here.
    pending.catch(() => undefined);
    for (let start = 0; start < report.issues.length; start += ISSUES_PER_MESSAGE) {
      post({ type: 'issues', issues: report.issues.slice(start, start + ISSUES_PER_MESSAGE) });
    }
    post({ type: 'done', requestId, ...result, report: { ...report, issues: [] } });
  };
}
