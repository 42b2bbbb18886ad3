import {
  FromConversionWorker,
  type ToConversionWorker,
} from '../../../contracts/worker/conversion-messages';
import type {
  ConversionProgress,
  ConversionReport,
  ConvertOptions,
} from '../../../core/convert/types';
import { createWorkerChannel, type WorkerFactory } from '../channel/worker-channel';
import { createConversionWorker } from './create-conversion-worker';
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
 * row to this thread; docs/architecture.md, "Workers"). The worker lives until the checksums
 * arrive; cancel() terminates it at once and rejects whatever has not settled as CANCELLED.
 */
export function runConversion(
  file: File,
  options: ConvertOptions,
  listeners: ConversionListeners,
  create: WorkerFactory = createConversionWorker,
): ConversionRun {
  const issues: ConversionReport['issues'] = [];
  const checksums = deferred<Checksums>();
  const channel = createWorkerChannel({
    create,
    schema: FromConversionWorker,
    isAnswer: (m) => m.type === 'done' || m.type === 'checksums',
    onEvent: (m) => {
      if (m.type === 'progress') listeners.onProgress(m.progress);
      else if (m.type === 'issues') issues.push(...m.issues);
      else if (m.type === 'checksum-progress') listeners.onChecksumProgress?.(m);
    },
  });
  const askChecksums = (): void => {
    channel
      .ask((requestId): ToConversionWorker => ({ type: 'checksums', requestId }), 'checksums')
      .then(
        ({ sourceSha256, outputSha256 }) => checksums.resolve({ sourceSha256, outputSha256 }),
        (error: Error) => checksums.reject(error),
      )
      .finally(() => channel.close());
  };
  const result = channel
    .ask((requestId): ToConversionWorker => ({ type: 'convert', requestId, file, options }), 'done')
    .then(
      ({ output, outputSize, report, keysCsv }): ConversionOutcome => {
        askChecksums();
        return {
          output,
          outputSize,
          report: { ...report, issues },
          keysCsv,
          checksums: checksums.promise,
        };
      },
      (error: Error) => {
        checksums.reject(error);
        channel.close();
        throw error;
      },
    );
  return { result, cancel: () => channel.close() };
}
