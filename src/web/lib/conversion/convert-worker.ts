import { FromConversionWorker, ToConversionWorker } from '../../../contracts/worker/conversion-messages';
import { convertFile } from './convert-file';
import { createWorkerHasher } from './create-worker-hasher';

// The worker shell: validate the request, run core, post progress and the result. Nothing else.
interface WorkerScope {
  postMessage(message: FromConversionWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

const scope = self as unknown as WorkerScope;

function post(message: FromConversionWorker): void {
  scope.postMessage(FromConversionWorker.parse(message));
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
    hasher: createWorkerHasher(),
  }).then(
    (result) => post({ type: 'done', ...result }),
    (error: unknown) => post({ type: 'failed', error: { name: 'ConversionError', message: error instanceof Error ? error.message : String(error) } }),
  );
});
