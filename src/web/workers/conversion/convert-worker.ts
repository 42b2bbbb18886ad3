import {
  FromConversionWorker,
  ToConversionWorker,
} from '../../../contracts/worker/conversion-messages';
import { convertFile } from './convert-file';
import { createWorkerHasher } from './create-worker-hasher';

// The worker shell: validate the request, run core, post progress, the result and the checksums.
// Nothing else.
const ISSUES_PER_MESSAGE = 1000;
interface WorkerScope {
  postMessage(message: FromConversionWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

const scope = self as unknown as WorkerScope;

function post(message: FromConversionWorker): void {
  scope.postMessage(FromConversionWorker.parse(message));
}

function failed(name: string, error: unknown): void {
  post({
    type: 'failed',
    error: { name, message: error instanceof Error ? error.message : String(error) },
  });
}

scope.addEventListener('message', (event) => {
  const request = ToConversionWorker.safeParse(event.data);
  if (!request.success) {
    post({ type: 'failed', error: { name: 'BadRequest', message: request.error.message } });
    return;
  }
  const { file, options } = request.data;
  convertFile(file, options, {
    randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
    onProgress: (progress) => post({ type: 'progress', progress }),
    hasher: createWorkerHasher((hashedBytes, totalBytes) =>
      post({ type: 'checksum-progress', hashedBytes, totalBytes }),
    ),
  }).then(
    ({ checksums, report, ...result }) => {
      for (let start = 0; start < report.issues.length; start += ISSUES_PER_MESSAGE) {
        post({ type: 'issues', issues: report.issues.slice(start, start + ISSUES_PER_MESSAGE) });
      }
      post({ type: 'done', ...result, report: { ...report, issues: [] } });
      checksums.then(
        (sums) => post({ type: 'checksums', ...sums }),
        (error: unknown) => failed('ChecksumError', error),
      );
    },
    (error: unknown) => failed('ConversionError', error),
  );
});
