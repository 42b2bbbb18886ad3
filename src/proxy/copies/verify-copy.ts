import { Readable } from 'node:stream';
import {
  COPY_DIFFERENCES_LISTED,
  type CopyResponse,
  type CopyVerificationState,
} from '../../contracts/api/copies';
import { OPERATION_FILE_BLOBS } from '../../contracts/api/files';
import { compareConfigurations } from '../../core/bulk/compare-configurations';
import { describeCopyVerification, verifyCopy } from '../../core/bulk/copy-verification';
import { diffRegistries } from '../../core/diff';
import { createSnapshotBuilder, type RegistrySnapshot } from '../../core/registry';
import type { Principal } from '../auth/bearer-verifier';
import { ApiError } from '../http/api-error';
import { getJob } from '../operations/query-jobs';
import type { ProxyContext } from '../operations/proxy-context';
import { startExport } from '../operations/start-export';
import type { CopyHub } from './copy-hubs';
import { readSmallBlob } from './read-small-blob';
import {
  COPY_VERIFICATION_BLOB,
  copyResponseOf,
  readStoredCopy,
  readVerification,
  type StoredCopy,
} from './read-copy';

// POST /api/hubs/{target}/copies/{operationId}/verify, asked again until it is done: the first
// call (after the copy's import completed) starts the target's export with keys; a call once that
// export completed diffs it against the source's export with core's diff (version fields and
// reported properties excluded, keys compared: core/bulk/copy-verification.ts) and keeps the
// result, "N of N identical" or the differences (the first COPY_DIFFERENCES_LISTED and their
// count), in the operation. A failed export is recorded, and the next call starts another.
// The diff holds both registries (docs/bulk-flows.md gives its measured memory).

export async function verifyCopyOperation(
  target: CopyHub,
  source: CopyHub,
  principal: Principal,
  operationId: string,
): Promise<CopyResponse> {
  const stored = await readStoredCopy(target, operationId);
  const answer = async (at: StoredCopy): Promise<CopyResponse> =>
    copyResponseOf(target.id, operationId, at.metadata, await readVerification(target, at));
  const recorded = stored.metadata.copyVerification;
  if (recorded?.state === 'done') return answer(stored);
  if (!recorded || recorded.state === 'failed') {
    const imported = stored.metadata.jobId ? await getJob(target.context, operationId) : undefined;
    if (imported?.status !== 'completed')
      throw new ApiError(
        409,
        'COPY_IMPORT_NOT_DONE',
        'The copy is verified once its import has completed.',
        { status: imported?.status ?? 'not started' },
      );
    const started = await startExport(target.context, principal, {
      excludeKeys: false,
      includeConfigurations: stored.metadata.includeConfigurations === true,
      label: 'Verification of a copy',
    });
    const exportOperationId = started.job.operationId ?? '';
    return record(target, stored, { exportOperationId, state: 'exporting' }, undefined);
  }
  const exportOperationId = recorded.exportOperationId;
  const exported = await getJob(target.context, exportOperationId);
  if (exported.status === 'failed' || exported.status === 'cancelled')
    return record(
      target,
      stored,
      { exportOperationId, state: 'failed' },
      {
        state: 'failed',
        exportOperationId,
        reason: exported.failureReason ?? `The target's export was ${exported.status}.`,
      },
    );
  if (exported.status !== 'completed') return answer(stored);
  const [a, b] = [
    await snapshotOf(source.context, stored.metadata.copy.sourceExportOperationId),
    await snapshotOf(target.context, exportOperationId),
  ];
  const configurations = stored.metadata.includeConfigurations
    ? compareConfigurations(
        (await readSmallBlob(
          source,
          stored.metadata.copy.sourceExportOperationId,
          OPERATION_FILE_BLOBS.configurations,
        )) ?? '',
        (await readSmallBlob(target, exportOperationId, OPERATION_FILE_BLOBS.configurations)) ?? '',
      )
    : undefined;
  const verification = verifyCopy(diffRegistries(a, b), configurations);
  return record(
    target,
    stored,
    { exportOperationId, state: 'done' },
    {
      state: 'done',
      exportOperationId,
      verifiedAt: target.context.now().toISOString(),
      total: verification.total,
      identical: verification.identical,
      runtimeKeysMadeByTarget: verification.runtimeKeysMadeByTarget,
      differenceCount: verification.differences.length,
      differences: verification.differences.slice(0, COPY_DIFFERENCES_LISTED),
      ...(verification.configurations ? { configurations: verification.configurations } : {}),
      ok: verification.ok,
      summary: describeCopyVerification(verification),
    },
  );
}

async function record(
  target: CopyHub,
  stored: StoredCopy,
  state: NonNullable<StoredCopy['metadata']['copyVerification']>,
  result: CopyVerificationState | undefined,
): Promise<CopyResponse> {
  // The result first: a record that says done always has its blob.
  if (result)
    await target.context.storage.writeBlob(
      stored.operationId,
      COPY_VERIFICATION_BLOB,
      Readable.from([JSON.stringify(result)]),
    );
  const metadata = { ...stored.metadata, copyVerification: state };
  await target.context.storage.writeOperation(stored.operationId, metadata);
  return copyResponseOf(
    target.id,
    stored.operationId,
    metadata,
    result ?? { state: 'exporting', exportOperationId: state.exportOperationId },
  );
}

async function snapshotOf(context: ProxyContext, exportId: string): Promise<RegistrySnapshot> {
  const blob = await context.storage.openBlob(exportId, 'devices.txt');
  if (!blob) throw new ApiError(404, 'COPY_SOURCE_NOT_FOUND', `The export ${exportId} is gone.`);
  const builder = createSnapshotBuilder();
  blob.stream.setEncoding('utf8');
  for await (const chunk of blob.stream) builder.push(chunk as string);
  return builder.finish();
}
