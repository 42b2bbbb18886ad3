import { ApiError } from '../http/api-error';
import { isOperationId } from '../storage/operation-names';
import type { StoredOperation } from '../storage/operation-storage';
import type { ProxyContext } from './proxy-context';

// Routes name an operation by the hub's job id or by our operation id (the container name, for an
// import whose job has not started). Both are validated by shape here; a container is only ever
// addressed through a name that passed isOperationId.

const HUB_JOB_ID = /^[A-Za-z0-9-]{1,128}$/;

export function assertJobRef(ref: string): void {
  if (!isOperationId(ref) && !HUB_JOB_ID.test(ref))
    throw new ApiError(404, 'JOB_NOT_FOUND', 'No such job.');
}

/**
 * The container of a job, or undefined when the job was not started through this console. Finding
 * it
 * by hub job id lists the operation containers (one request per 5,000 containers): the proxy keeps
 * no
 * index of its own because it is stateless.
 */
export async function findOperation(
  context: ProxyContext,
  ref: string,
): Promise<StoredOperation | undefined> {
  assertJobRef(ref);
  if (isOperationId(ref)) {
    const metadata = await context.storage.readOperation(ref);
    return metadata ? { operationId: ref, metadata } : undefined;
  }
  const operations = await context.storage.listOperations();
  return operations.find((operation) => operation.metadata.jobId === ref);
}
