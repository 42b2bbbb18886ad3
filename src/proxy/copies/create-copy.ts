import { Readable } from 'node:stream';
import type { CopyResponse, CreateCopyRequest } from '../../contracts/api/copies';
import { OPERATION_FILE_BLOBS } from '../../contracts/api/files';
import { copyConfigurations, type CopiedConfigurations } from '../../core/bulk/copy-configurations';
import { ExportUnreadableError } from '../../core/bulk/run-export-passes';
import type { Principal } from '../auth/bearer-verifier';
import { ApiError } from '../http/api-error';
import type { OperationMetadata } from '../storage/operation-metadata';
import { newOperationId } from '../storage/operation-names';
import { StorageError } from '../storage/storage-error';
import { completedExportWithKeys, exportNotFound } from './completed-export';
import { readSmallBlob } from './read-small-blob';
import type { CopyHub } from './copy-hubs';
import { copyResponseOf } from './read-copy';
import { rewriteExportIntoImport } from './rewrite-export-into-import';

// POST /api/hubs/{target}/copies (docs/bulk-flows.md, "Copy a hub into another", in the console):
// a completed export with keys of the source hub becomes a new import operation of the target hub
// whose devices.txt the proxy writes itself, with the report of what it left out or adjusted. The
// console plans and starts that import like any other (plan, typed phrase, backup). The record is
// `rewriting` until both files are complete, so a copy cut short by a crash is visibly unfinished
// and is never started: the admin copies again (a createOrUpdate re-run if an import ran before).

export const COPY_REPORT_BLOB = 'copy-report.ndjson';

export async function createCopy(
  target: CopyHub,
  source: CopyHub,
  principal: Principal,
  request: CreateCopyRequest,
): Promise<CopyResponse> {
  if (source.id === target.id)
    throw new ApiError(400, 'COPY_SAME_HUB', 'The source and the target are the same hub.');
  const exportId = request.sourceExportOperationId;
  const exported = await completedExportWithKeys(source.context, exportId);
  const configurations = exported.includeConfigurations
    ? await copiedConfigurationsOf(source, exportId)
    : undefined;

  const context = target.context;
  const operationId = newOperationId('import', context.now());
  const record = {
    sourceHubId: source.id,
    sourceExportOperationId: exportId,
    mode: request.mode,
  };
  const metadata: OperationMetadata = {
    kind: 'import',
    createdAt: context.now().toISOString(),
    createdByName: principal.name,
    createdByOid: principal.objectId,
    fileName: `copy of ${source.displayName} (${exportId}).ndjson`,
    label: `Copy of ${source.displayName}`,
    // The copy writes every key of the source into devices.txt.
    keysInside: true,
    copy: { ...record, state: 'rewriting' },
  };
  await context.storage.createOperation(operationId, metadata);
  let rewritten;
  try {
    rewritten = await rewriteExportIntoImport(
      {
        readSource: async (): Promise<Readable> => {
          const blob = await source.context.storage.openBlob(exportId, 'devices.txt');
          if (!blob) throw exportNotFound();
          return blob.stream;
        },
        writeImport: (body) => context.storage.writeBlob(operationId, 'devices.txt', body),
        writeReport: (body) => context.storage.writeBlob(operationId, COPY_REPORT_BLOB, body),
      },
      request.mode,
    );
    if (configurations)
      await context.storage.writeBlob(
        operationId,
        OPERATION_FILE_BLOBS.configurations,
        Readable.from([configurations.text]),
      );
  } catch (error) {
    // Nothing of a failed rewrite is worth keeping: the import was never startable.
    await context.storage.deleteOperation(operationId).catch(() => undefined);
    if (error instanceof ExportUnreadableError)
      throw /without keys/.test(error.message)
        ? new ApiError(
            409,
            'COPY_SOURCE_WITHOUT_KEYS',
            'The source export holds no keys; export the source hub with keys.',
          )
        : new ApiError(422, 'COPY_SOURCE_UNREADABLE', 'The source export is not a hub export.', {
            reason: error.message,
          });
    if (error instanceof ApiError || error instanceof StorageError) throw error;
    throw new StorageError('unavailable', 'blob', 'Writing the copy to storage failed.');
  }
  const lines = rewritten.counts.devices + rewritten.counts.modules;
  const skipped = Object.values(rewritten.counts.skipped).reduce((a, b) => a + b, 0);
  const ready: OperationMetadata = {
    ...metadata,
    convertedSize: rewritten.size,
    convertedSha256: rewritten.sha256,
    rowCounts: { total: lines + skipped, valid: lines, invalid: skipped, blank: 0 },
    byMode: { [request.mode]: lines },
    ...(configurations ? { includeConfigurations: true } : {}),
    copy: {
      ...record,
      state: 'ready',
      counts: {
        ...rewritten.counts,
        ...(configurations ? { configurations: configurations.ids.length } : {}),
      },
    },
  };
  await context.storage.writeOperation(operationId, ready);
  return copyResponseOf(target.id, operationId, ready, undefined);
}

/**
 * The source's configurations.txt rewritten for the target (core/bulk/copy-configurations.ts): at
 * most 100 a hub, so read whole. Undefined when the export has none.
 */
async function copiedConfigurationsOf(
  source: CopyHub,
  exportId: string,
): Promise<CopiedConfigurations | undefined> {
  const text = await readSmallBlob(source, exportId, OPERATION_FILE_BLOBS.configurations);
  if (text === undefined || text.trim() === '') return undefined;
  const copied = copyConfigurations(text);
  if (copied.problems.length > 0)
    throw new ApiError(
      422,
      'COPY_SOURCE_UNREADABLE',
      "The source export's configurations.txt is not readable.",
      { problems: copied.problems.slice(0, 20) },
    );
  return copied;
}
