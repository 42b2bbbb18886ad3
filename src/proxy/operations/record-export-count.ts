import type { OperationMetadata } from '../storage/operation-metadata';
import { countExportRecords } from './count-export-records';
import { startBackgroundCount, withStallTimeout } from './background-count';
import type { ProxyContext } from './proxy-context';

// The exports list shows how many devices each export holds, counted in the background
// (background-count.ts) after the first sighting of a completed export.

export function needsExportCount(metadata: OperationMetadata): boolean {
  return (
    metadata.kind === 'export' &&
    metadata.finalStatus === 'completed' &&
    metadata.deviceCount === undefined
  );
}

/** Starts counting one export's records (see startBackgroundCount). Never throws. */
export function startExportCount(context: ProxyContext, operationId: string): Promise<void> {
  return startBackgroundCount(context, operationId, () => countAndRecord(context, operationId));
}

async function countAndRecord(context: ProxyContext, operationId: string): Promise<void> {
  const blob = await context.storage.openBlob(operationId, 'devices.txt');
  if (!blob) throw new Error('EXPORT_BLOB_MISSING');
  const counts = await countExportRecords(withStallTimeout(blob.stream));
  // Re-read rather than reuse the metadata we were started with: another request may have written
  // since.
  const fresh = await context.storage.readOperation(operationId);
  if (!fresh || fresh.deviceCount !== undefined) return;
  await context.storage.writeOperation(operationId, {
    ...fresh,
    deviceCount: counts.devices,
    moduleCount: counts.modules,
  });
}
