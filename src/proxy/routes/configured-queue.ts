import { ApiError } from '../http/api-error';
import type { OperationQueue } from '../queue/operation-queue';

// The queue's routes are there even when no queue is configured, answering 503 QUEUE_DISABLED, so
// the API (and its OpenAPI document) is the same for every deployment; `instead` says what the
// admin can do without one.
export function configuredQueue(
  queue: OperationQueue | undefined,
  instead: string,
): () => OperationQueue {
  return () => {
    if (queue) return queue;
    throw new ApiError(503, 'QUEUE_DISABLED', `This console has no queue configured; ${instead}.`);
  };
}
