import { OPERATION_FILE_BLOBS } from '../../contracts/api/files';
import type { OperationMetadata } from '../storage/operation-metadata';
import { startBackgroundCount, withStallTimeout } from './background-count';
import { countErrorLines } from './count-error-lines';
import type { ProxyContext } from './proxy-context';

// An import the hub "completed" may still have refused every row: the only record of that is
// importErrors.log. Its line count, made once the job is terminal, is what lets the console say
// "completed with N errors" or "every row was refused" instead of a green "completed".

export function needsErrorCount(metadata: OperationMetadata): boolean {
  return (
    metadata.kind === 'import' &&
    metadata.jobId !== undefined &&
    metadata.finalStatus !== undefined &&
    metadata.errorLineCount === undefined
  );
}

/** Starts counting one import's error lines (see startBackgroundCount). Never throws. */
export function startErrorCount(context: ProxyContext, operationId: string): Promise<void> {
  return startBackgroundCount(context, operationId, () => countAndRecord(context, operationId));
}

async function countAndRecord(context: ProxyContext, operationId: string): Promise<void> {
  const blob = await context.storage.openBlob(operationId, OPERATION_FILE_BLOBS.errors);
  // No log at all: the hub had nothing to report.
  const errorLineCount = blob ? await countErrorLines(withStallTimeout(blob.stream)) : 0;
  const fresh = await context.storage.readOperation(operationId);
  if (!fresh || fresh.errorLineCount !== undefined) return;
  await context.storage.writeOperation(operationId, { ...fresh, errorLineCount });
}
