import {
  CopyVerificationState,
  type CopyResponse,
  type CopyVerificationState as Verification,
} from '../../contracts/api/copies';
import { ApiError } from '../http/api-error';
import type { OperationMetadata } from '../storage/operation-metadata';
import { isOperationId } from '../storage/operation-names';
import type { CopyHub } from './copy-hubs';

// GET /api/hubs/{target}/copies/{operationId}: the copy as the proxy recorded it, so the console's
// copy page shows where a copy stands after a reload or on another machine (resumable). The
// verification's result is a blob of the operation (its first differences do not fit metadata).

export const COPY_VERIFICATION_BLOB = 'copy-verification.json';

export const copyNotFound = (): ApiError =>
  new ApiError(404, 'COPY_NOT_FOUND', 'This hub has no copy with this id.');

export interface StoredCopy {
  operationId: string;
  metadata: OperationMetadata & { copy: NonNullable<OperationMetadata['copy']> };
}

export async function readStoredCopy(target: CopyHub, operationId: string): Promise<StoredCopy> {
  if (!isOperationId(operationId) || !operationId.startsWith('import-')) throw copyNotFound();
  const metadata = await target.context.storage.readOperation(operationId);
  const copy = metadata?.copy;
  if (!metadata || !copy) throw copyNotFound();
  return { operationId, metadata: { ...metadata, copy } };
}

export async function readVerification(
  target: CopyHub,
  stored: StoredCopy,
): Promise<Verification | undefined> {
  const recorded = stored.metadata.copyVerification;
  if (!recorded) return undefined;
  if (recorded.state === 'exporting')
    return { state: 'exporting', exportOperationId: recorded.exportOperationId };
  const blob = await target.context.storage.openBlob(stored.operationId, COPY_VERIFICATION_BLOB);
  if (!blob) return undefined;
  let text = '';
  blob.stream.setEncoding('utf8');
  for await (const chunk of blob.stream) text += chunk as string;
  const parsed = CopyVerificationState.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : undefined;
}

export function copyResponseOf(
  targetHubId: string,
  operationId: string,
  metadata: OperationMetadata,
  verification: Verification | undefined,
): CopyResponse {
  const copy = metadata.copy;
  if (!copy) throw copyNotFound();
  return {
    operationId,
    sourceHubId: copy.sourceHubId,
    targetHubId,
    sourceExportOperationId: copy.sourceExportOperationId,
    mode: copy.mode,
    state: copy.state,
    createdAt: metadata.createdAt,
    counts: copy.counts ?? { devices: 0, modules: 0, skipped: {}, adjusted: {} },
    ...(metadata.jobId ? { jobId: metadata.jobId } : {}),
    ...(verification ? { verification } : {}),
  };
}

export async function readCopy(target: CopyHub, operationId: string): Promise<CopyResponse> {
  const stored = await readStoredCopy(target, operationId);
  return copyResponseOf(
    target.id,
    operationId,
    stored.metadata,
    await readVerification(target, stored),
  );
}
