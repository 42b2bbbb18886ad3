import { OPERATION_FILE_BLOBS } from '../../contracts/api/files';
import type { CreateRunRequest } from '../../contracts/api/runs';
import type { Principal } from '../auth/bearer-verifier';
import { ApiError } from '../http/api-error';
import type { ProxyContext } from '../operations/proxy-context';
import type { OperationMetadata } from '../storage/operation-metadata';
import { isOperationId } from '../storage/operation-names';
import type { OperationQueue } from './operation-queue';
import { appendQueueEntry, deleteQueueEntry, listQueueEntries } from './queue-entries';
import type { QueueEntryRow } from './queue-entry';
import { newRunId, runRowKey, writeRunRow, type RunRow } from './run-record';
import { splitIntoChunks, type SplitChunk } from './split-into-chunks';

// POST /api/imports/{operationId}/chunks (docs/proxy.md, "Chunked imports"): the uploaded
// devices.txt is split by the proxy into chunk operations (split-into-chunks.ts), each queued in
// order as an import of the run. The split happens in the proxy, streaming from storage, so the
// browser's conversion and upload stay as they are and no file is ever held whole; once the chunks
// exist the uploaded operation is deleted, so the keys are at rest in the chunks only.
export async function createRun(
  context: ProxyContext,
  queue: OperationQueue,
  principal: Principal,
  operationId: string,
  request: CreateRunRequest,
): Promise<RunRow> {
  const notFound = new ApiError(404, 'OPERATION_NOT_FOUND', 'No such import.');
  if (!isOperationId(operationId) || !operationId.startsWith('import-')) throw notFound;
  const source = await context.storage.readOperation(operationId);
  if (!source || source.kind !== 'import' || source.run) throw notFound;
  if (source.jobId ?? source.startClaimedAt)
    throw new ApiError(409, 'ALREADY_STARTED', 'This import has been started already.', {
      jobId: source.jobId ?? null,
    });
  const size = await context.storage.blobSize(operationId, 'devices.txt');
  if (size === undefined)
    throw new ApiError(409, 'UPLOAD_MISSING', 'devices.txt has not been uploaded yet.');
  if (size === 0) throw new ApiError(409, 'UPLOAD_EMPTY', 'devices.txt is empty.');
  const queued = (await listQueueEntries(queue.table, queue.partitionKey)).find(
    (entry) => entry.row.operationId === operationId && entry.row.state !== 'failed',
  );
  if (queued)
    throw new ApiError(409, 'ALREADY_QUEUED', 'This import is already queued.', {
      entryId: queued.row.entryId,
    });

  const runId = newRunId();
  // A chunk's createdAt is fixed when its container is made: the index's list row is keyed by it,
  // so a later write with another time would leave the first row behind, unstarted for ever.
  const createdAtOf = new Map<number, string>();
  const createdAt = (chunk: number): string => {
    const known = createdAtOf.get(chunk) ?? context.now().toISOString();
    createdAtOf.set(chunk, known);
    return known;
  };
  const chunkMetadata = (chunk: number, of: number, file?: SplitChunk): OperationMetadata => ({
    kind: 'import',
    createdAt: createdAt(chunk),
    createdByName: principal.name,
    createdByOid: principal.objectId,
    ...(source.fileName ? { fileName: source.fileName } : {}),
    ...(source.fileSize !== undefined ? { fileSize: source.fileSize } : {}),
    ...(source.sourceSha256 ? { sourceSha256: source.sourceSha256 } : {}),
    ...(source.keysInside !== undefined ? { keysInside: source.keysInside } : {}),
    ...(source.label ? { label: source.label } : {}),
    run: { runId, chunk, of },
    // The backup and undo file cover the whole file; they go with chunk 1, the first to start, and
    // are frozen by its start like any import's (docs/proxy.md "Backup and undo files").
    ...(chunk === 1 && source.backup ? { backup: source.backup } : {}),
    // The proxy's own figures: the start verifies the frozen copy against them.
    ...(file
      ? {
          convertedSize: file.size,
          convertedSha256: file.sha256,
          rowCounts: { total: file.rows, valid: file.rows, invalid: 0, blank: 0 },
        }
      : {}),
  });
  const chunks = await splitIntoChunks(
    context,
    {
      operationId,
      open: async () => {
        const blob = await context.storage.openBlob(operationId, 'devices.txt');
        if (!blob) throw new ApiError(409, 'UPLOAD_MISSING', 'devices.txt has gone.');
        return blob.stream;
      },
    },
    request.chunkSize,
    (chunk) => chunkMetadata(chunk, chunk),
  );
  const appended: QueueEntryRow[] = [];
  try {
    const first = chunks[0];
    if (source.backup && first)
      for (const name of [OPERATION_FILE_BLOBS.backup, OPERATION_FILE_BLOBS.undo]) {
        const blob = await context.storage.openBlob(operationId, name);
        if (blob) await context.storage.writeBlob(first.operationId, name, blob.stream);
      }
    for (const [index, chunk] of chunks.entries())
      await context.storage.writeOperation(
        chunk.operationId,
        chunkMetadata(index + 1, chunks.length, chunk),
      );
    const row: RunRow = {
      partitionKey: queue.partitionKey,
      rowKey: runRowKey(runId),
      runId,
      sourceOperationId: operationId,
      ...(source.fileName ? { fileName: source.fileName } : {}),
      chunkSize: request.chunkSize,
      stopPercent: request.stopPercent,
      chunkOperationIds: JSON.stringify(chunks.map((chunk) => chunk.operationId)),
      createdAt: context.now().toISOString(),
      createdByName: principal.name,
      createdByOid: principal.objectId,
    };
    await writeRunRow(queue.table, row);
    for (const [index, chunk] of chunks.entries())
      appended.push(
        await appendQueueEntry(queue.table, queue.partitionKey, {
          operationId: chunk.operationId,
          kind: 'import',
          state: 'queued',
          enqueuedAt: context.now().toISOString(),
          enqueuedByOid: principal.objectId,
          enqueuedByName: principal.name,
          rows: chunk.rows,
          runId,
          chunk: index + 1,
          chunkCount: chunks.length,
          stopPercent: request.stopPercent,
          ...(index > 0 ? { previousOperationId: chunks[index - 1]?.operationId ?? '' } : {}),
        }),
      );
    for (const entry of appended)
      await queue.messages.send(JSON.stringify({ entryId: entry.entryId }));
    // Only the chunks hold the devices now: the uploaded copy of the keys goes.
    await context.storage.deleteOperation(operationId).catch(() => undefined);
    await context.index.remove({ operationId, metadata: source }).catch(() => undefined);
    return row;
  } catch (error) {
    // Nothing of a half-made run is left to start: its entries and chunks go, the upload stays.
    for (const entry of appended)
      await deleteQueueEntry(queue.table, queue.partitionKey, entry.entryId).catch(() => undefined);
    for (const chunk of chunks)
      await context.storage.deleteOperation(chunk.operationId).catch(() => undefined);
    throw error;
  }
}
