import {
  FromConversionWorker,
  type ToConversionWorker,
} from '../../../contracts/worker/conversion-messages';
import type {
  ConversionProgress,
  ConversionReport,
  ConvertOptions,
} from '../../../core/convert/types';
import type { Checksums } from './stream-hasher';

export type { Checksums };

export interface ChecksumProgress {
  hashedBytes: number;
  totalBytes: number;
}

export interface ConversionOutcome {
  output: Blob;
  outputSize: number;
  report: ConversionReport;
  keysCsv: Blob | null;
  /**
   * The audit log's sha256s; they settle a little after the outcome (only the upload needs them).
   */
  checksums: Promise<Checksums>;
}

export interface ConversionRun {
  result: Promise<ConversionOutcome>;
  cancel(): void;
}

export interface ConversionListeners {
  onProgress(progress: ConversionProgress): void;
  onChecksumProgress?(progress: ChecksumProgress): void;
}

function abortError(): Error {
  const error = new Error('The conversion was cancelled');
  error.name = 'AbortError';
  return error;
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: Error): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Nobody may be waiting for the checksums (the diff page never uploads): no unhandled rejection.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/**
 * Converts a dropped file in a dedicated worker (papaparse's own `worker: true` would clone every
 * row to this thread; docs/reference/measured-baselines.md#conversion-in-the-browser). The worker
 * lives until the checksums arrive; cancel() terminates it at once and rejects whatever has not
 * settled.
 */
export function runConversion(
  file: File,
  options: ConvertOptions,
  listeners: ConversionListeners,
): ConversionRun {
  const worker = new Worker(new URL('./convert-worker.ts', import.meta.url), { type: 'module' });
  const outcome = deferred<ConversionOutcome>();
  const checksums = deferred<Checksums>();
  let live = true;
  const issues: ConversionReport['issues'] = [];
  const fail = (error: Error): void => {
    outcome.reject(error);
    checksums.reject(error);
    worker.terminate();
    live = false;
  };
  worker.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (!live) return;
    const parsed = FromConversionWorker.safeParse(event.data);
    if (!parsed.success) {
      fail(new Error(`Unexpected message from the conversion worker: ${parsed.error.message}`));
      return;
    }
    const message = parsed.data;
    if (message.type === 'progress') listeners.onProgress(message.progress);
    else if (message.type === 'issues') issues.push(...message.issues);
    else if (message.type === 'done') {
      const { output, outputSize, report, keysCsv } = message;
      outcome.resolve({
        output,
        outputSize,
        report: { ...report, issues },
        keysCsv,
        checksums: checksums.promise,
      });
    } else if (message.type === 'checksum-progress') listeners.onChecksumProgress?.(message);
    else if (message.type === 'checksums') {
      checksums.resolve({ sourceSha256: message.sourceSha256, outputSha256: message.outputSha256 });
      worker.terminate();
      live = false;
    } else {
      const error = new Error(message.error.message);
      error.name = message.error.name;
      fail(error);
    }
  });
  worker.addEventListener('error', (event: ErrorEvent) => {
    if (live) fail(new Error(`The conversion worker failed: ${event.message}`));
  });
  const request: ToConversionWorker = { type: 'convert', file, options };
  worker.postMessage(request);
  return {
    result: outcome.promise,
    cancel(): void {
      if (live) fail(abortError());
    },
  };
}
