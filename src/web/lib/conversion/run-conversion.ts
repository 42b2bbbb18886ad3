import { FromConversionWorker, type ToConversionWorker } from '../../../contracts/worker/conversion-messages';
import type { ConversionProgress, ConversionReport, ConvertOptions } from '../../../core/convert/types';

export interface ConversionOutcome {
  output: Blob;
  outputSize: number;
  outputSha256: string;
  sourceSha256: string;
  report: ConversionReport;
  keysCsv: Blob | null;
}

export interface ConversionRun {
  result: Promise<ConversionOutcome>;
  cancel(): void;
}

function abortError(): Error {
  const error = new Error('The conversion was cancelled');
  error.name = 'AbortError';
  return error;
}

/**
 * Converts a dropped file in a dedicated worker (papaparse's own `worker: true` would clone every
 * row to this thread; perf-notes.md sec. 4). cancel() terminates the worker at once.
 */
export function runConversion(file: File, options: ConvertOptions, onProgress: (p: ConversionProgress) => void): ConversionRun {
  const worker = new Worker(new URL('./convert-worker.ts', import.meta.url), { type: 'module' });
  let settle: { resolve: (o: ConversionOutcome) => void; reject: (e: Error) => void } | undefined;
  const result = new Promise<ConversionOutcome>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const finish = (): void => {
    worker.terminate();
    settle = undefined;
  };
  worker.addEventListener('message', (event: MessageEvent<unknown>) => {
    const parsed = FromConversionWorker.safeParse(event.data);
    if (!settle) return;
    if (!parsed.success) {
      settle.reject(new Error(`Unexpected message from the conversion worker: ${parsed.error.message}`));
      finish();
      return;
    }
    const message = parsed.data;
    if (message.type === 'progress') onProgress(message.progress);
    else if (message.type === 'done') {
      const { output, outputSize, outputSha256, sourceSha256, report, keysCsv } = message;
      settle.resolve({ output, outputSize, outputSha256, sourceSha256, report, keysCsv });
      finish();
    } else {
      const error = new Error(message.error.message);
      error.name = message.error.name;
      settle.reject(error);
      finish();
    }
  });
  worker.addEventListener('error', (event: ErrorEvent) => {
    settle?.reject(new Error(`The conversion worker failed: ${event.message}`));
    finish();
  });
  const request: ToConversionWorker = { type: 'convert', file, options };
  worker.postMessage(request);
  return {
    result,
    cancel(): void {
      if (!settle) return;
      settle.reject(abortError());
      finish();
    },
  };
}
