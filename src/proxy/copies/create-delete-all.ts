import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { OPERATION_FILE_BLOBS } from '../../contracts/api/files';
import type { CreateDeleteAllRequest, DeleteAllResponse } from '../../contracts/api/delete-all';
import { readConfigurations } from '../../core/bulk/copy-configurations';
import { createDeleteAllDevices } from '../../core/bulk/delete-all-devices';
import { ExportUnreadableError, runExportPasses } from '../../core/bulk/run-export-passes';
import type { Principal } from '../auth/bearer-verifier';
import { ApiError } from '../http/api-error';
import { DEFAULT_BACKUP_RETENTION_DAYS } from '../operations/backup-files';
import type { OperationMetadata } from '../storage/operation-metadata';
import { newOperationId } from '../storage/operation-names';
import { StorageError } from '../storage/storage-error';
import { blobSink } from './blob-sink';
import { completedExportWithKeys, exportNotFound } from './completed-export';
import type { CopyHub } from './copy-hubs';
import { deleteAllResponseOf, DELETE_ALL_CONFIGURATIONS_BLOB } from './read-delete-all';
import { rewriteExportIntoImport } from './rewrite-export-into-import';

// POST /api/hubs/{hubId}/delete-all (docs/bulk-flows.md, "Delete all devices and configurations",
// in the console): from a completed export with keys of the hub the proxy writes, into a new
// import operation,
// - devices.txt: one deleteIfMatchETag line per device, leaves first (core/bulk/delete-all-devices.ts);
// - backup.txt: the export itself, the registry as it was;
// - undo.ndjson: the export rewritten as a create of every identity (the copy's rewrite), so the
//   console's existing Restore brings the hub back, keys included;
// - the ids of the export's configurations, deleted one by one after the job
//   (copies/delete-all-configurations.ts).
// The console then plans and starts it like any import, with the hub's name as the typed phrase.

const UNDO_REPORT_BLOB = 'undo-report.ndjson';

export async function createDeleteAll(
  hub: CopyHub,
  principal: Principal,
  request: CreateDeleteAllRequest,
): Promise<DeleteAllResponse> {
  const context = hub.context;
  const exportId = request.exportOperationId;
  const exported = await completedExportWithKeys(context, exportId);
  const configurationIds = exported.includeConfigurations
    ? await configurationIdsOf(hub, exportId)
    : [];
  const openExport = async (): Promise<Readable> => {
    const blob = await context.storage.openBlob(exportId, 'devices.txt');
    if (!blob) throw exportNotFound();
    return blob.stream;
  };
  const operationId = newOperationId('import', context.now());
  const metadata: OperationMetadata = {
    kind: 'import',
    createdAt: context.now().toISOString(),
    createdByName: principal.name,
    createdByOid: principal.objectId,
    fileName: `delete all of ${hub.displayName} (${exportId}).ndjson`,
    label: `Delete all devices of ${hub.displayName}`,
    // backup.txt and undo.ndjson hold every key of the hub.
    keysInside: true,
    backup: {
      snapshotTakenAt: exported.jobEndedAt ?? exported.createdAt,
      expiresAt: new Date(
        context.now().getTime() +
          (context.backupRetentionDays ?? DEFAULT_BACKUP_RETENTION_DAYS) * 86_400_000,
      ).toISOString(),
    },
    deleteAll: { exportOperationId: exportId, state: 'writing' },
  };
  await context.storage.createOperation(operationId, metadata);
  let written;
  try {
    written = await writeDeleteLines(openExport, (body) =>
      context.storage.writeBlob(operationId, 'devices.txt', body),
    );
    await context.storage.writeBlob(operationId, OPERATION_FILE_BLOBS.backup, await openExport());
    await rewriteExportIntoImport(
      {
        readSource: openExport,
        writeImport: (body) =>
          context.storage.writeBlob(operationId, OPERATION_FILE_BLOBS.undo, body),
        writeReport: (body) => context.storage.writeBlob(operationId, UNDO_REPORT_BLOB, body),
      },
      'create',
    );
    await context.storage.writeBlob(
      operationId,
      DELETE_ALL_CONFIGURATIONS_BLOB,
      Readable.from([configurationIds.map((id) => `${id}\n`).join('')]),
    );
  } catch (error) {
    await context.storage.deleteOperation(operationId).catch(() => undefined);
    if (error instanceof ExportUnreadableError)
      throw new ApiError(422, 'COPY_SOURCE_UNREADABLE', 'The export is not a hub export.', {
        reason: error.message,
      });
    if (error instanceof ApiError || error instanceof StorageError) throw error;
    throw new StorageError('unavailable', 'blob', 'Writing the delete-all files failed.');
  }
  const ready: OperationMetadata = {
    ...metadata,
    convertedSize: written.size,
    convertedSha256: written.sha256,
    rowCounts: { total: written.devices, valid: written.devices, invalid: 0, blank: 0 },
    byMode: { deleteIfMatchETag: written.devices },
    deleteAll: {
      exportOperationId: exportId,
      state: 'ready',
      devices: written.devices,
      modules: written.modules,
    },
  };
  await context.storage.writeOperation(operationId, ready);
  return deleteAllResponseOf(hub.id, operationId, ready, configurationIds);
}

async function writeDeleteLines(
  openExport: () => Promise<Readable>,
  upload: (body: Readable) => Promise<void>,
): Promise<{ size: number; sha256: string; devices: number; modules: number }> {
  const engine = createDeleteAllDevices();
  const sink = blobSink(upload);
  const hash = createHash('sha256');
  let size = 0;
  const read = (): AsyncIterable<string> =>
    (async function* () {
      const stream = await openExport();
      stream.setEncoding('utf8');
      for await (const chunk of stream) yield chunk as string;
    })();
  try {
    await runExportPasses(
      read,
      engine,
      async (lines) => {
        const text = lines.length > 0 ? `${lines.join('\n')}\n` : '';
        hash.update(text, 'utf8');
        size += Buffer.byteLength(text, 'utf8');
        await sink.write(text);
      },
      { requireKeys: true },
    );
  } catch (error) {
    await sink.fail(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
  await sink.end();
  return { size, sha256: hash.digest('hex'), ...engine.counts };
}

/** A hub holds at most 100 configurations, so their file is read whole. */
async function configurationIdsOf(hub: CopyHub, exportId: string): Promise<string[]> {
  const blob = await hub.context.storage.openBlob(exportId, OPERATION_FILE_BLOBS.configurations);
  if (!blob) return [];
  let text = '';
  blob.stream.setEncoding('utf8');
  for await (const chunk of blob.stream) text += chunk as string;
  const { configurations, problems } = readConfigurations(text);
  if (problems.length > 0)
    throw new ApiError(
      422,
      'COPY_SOURCE_UNREADABLE',
      "The export's configurations.txt is unreadable.",
      {
        problems,
      },
    );
  return configurations.map((c) => c.id);
}
