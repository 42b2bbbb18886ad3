import { OPERATION_FILE_BLOBS } from '../../contracts/api/files';
import type { HubJob } from '../hub/hub-jobs';
import type { StoredOperation } from '../storage/operation-storage';
import { deleteNewKeys, needsNewKeysDeleted } from './delete-new-keys';
import type { ProxyContext } from './proxy-context';
import { needsExportCount, startExportCount } from './record-export-count';
import { needsErrorCount, startErrorCount } from './record-import-error-count';
import { toJobStatus } from './to-job';

// The hub forgets jobs after 30 days; our container metadata does not. The first time the proxy
// sees an operation's job in a terminal state it copies status, end time and failure reason into
// the metadata, so the job list can still say "completed" or "failed" years later. Best effort: a
// failed write is retried on the next read, and only the first sighting writes.
export async function recordFinalStatuses(
  context: ProxyContext,
  pairs: { hubJob: HubJob; operation: StoredOperation }[],
): Promise<void> {
  await Promise.all(
    pairs.map(async ({ hubJob, operation }) => {
      const status = toJobStatus(hubJob.status);
      if (operation.metadata.finalStatus) {
        // A count lost to a crash or a storage error is started again by any later sighting.
        if (needsExportCount(operation.metadata))
          void startExportCount(context, operation.operationId);
        if (needsErrorCount(operation.metadata))
          void startErrorCount(context, operation.operationId);
        if (needsNewKeysDeleted(operation.metadata))
          void deleteNewKeys(context, operation.operationId);
        return;
      }
      if (status !== 'completed' && status !== 'failed' && status !== 'cancelled') return;
      // A finished export's snapshot size is what the exports list shows; a blob HEAD is cheap.
      const exportSize =
        operation.metadata.kind === 'export' && status === 'completed'
          ? await context.storage
              .blobSize(operation.operationId, 'devices.txt')
              .catch(() => undefined)
          : undefined;
      // Whether the console uploaded an undo file is recorded once, here, so no poll pays a blob
      // call for it (docs/proxy.md "Backup and undo files").
      const undoSize = operation.metadata.backup
        ? await context.storage
            .blobSize(operation.operationId, OPERATION_FILE_BLOBS.undo)
            .catch(() => undefined)
        : undefined;
      // The sighting may come from the operations index; the write starts from the container's
      // own metadata so a row that lags behind it never overwrites newer facts.
      const current = await context.storage
        .readOperation(operation.operationId)
        .catch(() => undefined);
      if (current?.finalStatus) {
        // Only the index row lagged: bring it up to date, leave the container alone.
        await Promise.resolve()
          .then(() => context.index.put({ operationId: operation.operationId, metadata: current }))
          .catch(() => undefined);
        return;
      }
      const base = current ?? operation.metadata;
      const metadata = {
        ...base,
        ...(base.backup && undoSize !== undefined ? { backup: { ...base.backup, undoSize } } : {}),
        ...(exportSize !== undefined ? { fileName: 'devices.txt', fileSize: exportSize } : {}),
        finalStatus: status,
        ...(hubJob.endTimeUtc ? { jobEndedAt: hubJob.endTimeUtc } : {}),
        ...(hubJob.failureReason ? { failureReason: hubJob.failureReason.slice(0, 1000) } : {}),
      };
      const written = await context.storage.writeOperation(operation.operationId, metadata).then(
        () => true,
        () => false,
      );
      // The device count needs the whole blob, so it is not awaited: the list answers with a null
      // count meanwhile.
      if (written && needsExportCount(metadata))
        void startExportCount(context, operation.operationId);
      if (written && needsErrorCount(metadata))
        void startErrorCount(context, operation.operationId);
      if (written && needsNewKeysDeleted(metadata))
        void deleteNewKeys(context, operation.operationId);
    }),
  );
}
