import type { WorkerFailureCode } from '../../../contracts/worker/worker-failure';

/**
 * A worker failure as data, on either side of the boundary: the code decides what the UI says
 * (src/web/lib/worker-failure-words.ts). A cancel is also an AbortError, so the callers that already
 * ignore aborted work keep doing so.
 */
export class WorkerError extends Error {
  readonly code: WorkerFailureCode;

  constructor(code: WorkerFailureCode, message: string) {
    super(message);
    this.code = code;
    this.name = code === 'CANCELLED' ? 'AbortError' : 'WorkerError';
  }
}

export function isWorkerError(error: unknown): error is WorkerError {
  return error instanceof WorkerError;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
