import {
  FromConversionWorker,
  ToConversionWorker,
} from '../../../contracts/worker/conversion-messages';
import { serveWorker } from '../channel/serve-worker';
import { messageOf, WorkerError } from '../channel/worker-error';
import { convertFile } from './convert-file';
import { createWorkerHasher } from './create-worker-hasher';
import type { Checksums } from './stream-hasher';

// The worker shell: run core over the file, post progress, the issues in batches and the result;
// answer the checksums when hashing has finished. Nothing else.
const ISSUES_PER_MESSAGE = 1000;

/** The hashing of the last conversion; it settles after the conversion's result. */
let checksums: Promise<Checksums> | null = null;

serveWorker({
  receive: ToConversionWorker,
  send: FromConversionWorker,
  async handle(message, post) {
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
      randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
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
  },
  failureCode: (message) => (message.type === 'convert' ? 'CONVERSION_FAILED' : 'CHECKSUM_FAILED'),
});
