import { ApiError } from '../http/api-error';
import { isOperationId } from '../storage/operation-names';
import type { StoredOperation } from '../storage/operation-storage';
import type { ProxyContext } from './proxy-context';

// Routes name an operation by the hub's job id or by our operation id (the container name, for an
// import whose job has not started). Both are validated by shape here; a container is only ever
// addressed through a name that passed isOperationId.

const HUB_JOB_ID = /^[A-Za-z0-9-]{1,128}$/;

export function isJobRef(ref: string): boolean {
  return isOperationId(ref) || HUB_JOB_ID.test(ref);
}

export function assertJobRef(ref: string): void {
  if (!isJobRef(ref)) throw new ApiError(404, 'JOB_NOT_FOUND', 'No such job.');
}

/**
 * The container of a job, or undefined when the job was not started through this console. A hub
 * job id is resolved through the operations index (one point read); the metadata itself is then
 * read from the container, the source of truth, because file reads decide masking by it.
 */
export async function findOperation(
  context: ProxyContext,
  ref: string,
): Promise<StoredOperation | undefined> {
  assertJobRef(ref);
  const operationId = isOperationId(ref) ? ref : (await context.index.byJobId(ref))?.operationId;
  if (!operationId) return undefined;
  const metadata = await context.storage.readOperation(operationId);
  return metadata ? { operationId, metadata } : undefined;
}
