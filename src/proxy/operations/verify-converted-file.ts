import { createHash } from 'node:crypto';
import { ApiError } from '../http/api-error';
import { StorageError } from '../storage/storage-error';
import type { OperationMetadata } from '../storage/operation-metadata';
import { FROZEN_INPUT_BLOB } from '../storage/operation-storage';
import type { ProxyContext } from './proxy-context';

// The audit must record what the hub imports, not what the browser says it uploaded
// (docs/proxy.md#what-the-audit-proves). Just before a start the proxy streams the frozen copy of
// devices.txt, the blob the hub will read and that no upload grant can change, from storage and
// hashes it itself. A file of another size or hash than the one the browser converted is refused:
// the admin reviewed that one.

export interface MeasuredFile {
  size: number;
  sha256: string;
}

export async function measureConvertedFile(
  context: Pick<ProxyContext, 'storage'>,
  operationId: string,
): Promise<MeasuredFile> {
  const blob = await context.storage.openBlob(operationId, FROZEN_INPUT_BLOB);
  if (!blob) throw new ApiError(409, 'UPLOAD_MISSING', 'devices.txt has not been uploaded yet.');
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of blob.stream) {
      const bytes = chunk as Buffer;
      size += bytes.length;
      hash.update(bytes);
    }
  } catch {
    throw new StorageError('unavailable', 'blob', 'Reading devices.txt from storage failed.');
  }
  return { size, sha256: hash.digest('hex') };
}

export function assertMatchesClaim(metadata: OperationMetadata, measured: MeasuredFile): void {
  const sizeDiffers =
    metadata.convertedSize !== undefined && metadata.convertedSize !== measured.size;
  const hashDiffers =
    metadata.convertedSha256 !== undefined && metadata.convertedSha256 !== measured.sha256;
  if (!sizeDiffers && !hashDiffers) return;
  throw new ApiError(
    409,
    'CONVERTED_FILE_MISMATCH',
    'devices.txt in storage is not the file this import was created for ' +
      `(${sizeDiffers ? 'its size differs' : 'its SHA-256 differs'}); it was not started.`,
    {
      claimed: { size: metadata.convertedSize ?? null, sha256: metadata.convertedSha256 ?? null },
      stored: measured,
    },
  );
}
