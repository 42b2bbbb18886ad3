import { pipeline, type Readable } from 'node:stream';
import {
  OPERATION_FILE_BLOBS,
  type OperationFile,
  type ReadSasResponse,
} from '../../contracts/api/files';
import type { Principal } from '../auth/bearer-verifier';
import { ApiError } from '../http/api-error';
import { createUtf8Transcoder } from '../masking/transcode-to-utf8';
import { createMaskingTransform, type MaskedFormat } from '../masking/create-masking-transform';
import { createSecretFields, type SecretFields } from '../masking/secret-fields';
import { assertBackupKept, assertMayReadFile } from './backup-files';
import { findOperation } from './find-operation';
import { SAS_LIFETIMES, type ProxyContext } from './proxy-context';

// Files are named by the OperationFile enum and resolved to blob names here, inside the operation's
// own container, so no request can reach a blob or container of its choosing.
//
// A support user reads every file through the masking stream, none excepted: each one can hold a
// secret. `devices` and `source` hold device keys; `errors` copies a line the hub could not read,
// keys included, into `errorStatus`; `configurations` holds IoT Edge registry passwords and module
// settings. Only an admin may have a read SAS, because a SAS reaches the blob past the mask.

export interface OperationFileStream {
  stream: Readable;
  contentType: string;
  blobName: string;
  masked: boolean;
  /**
   * Bytes stored; the masked stream is a little shorter, so it is a progress total, not a length.
   */
  storedSize: number;
}

async function locate(
  context: ProxyContext,
  ref: string,
  file: OperationFile,
): Promise<{ operationId: string; blobName: string; format: MaskedFormat; fields: SecretFields }> {
  const operation = await findOperation(context, ref);
  if (!operation)
    throw new ApiError(
      404,
      'OPERATION_NOT_FOUND',
      'No operation of this console matches this job.',
    );
  assertBackupKept(operation.metadata, file, context.now());
  if (file !== 'source')
    return {
      operationId: operation.operationId,
      blobName: OPERATION_FILE_BLOBS[file],
      format: 'json',
      fields: createSecretFields(),
    };
  const extension = operation.metadata.sourceExtension;
  if (!extension || !/^[a-z]{1,8}$/.test(extension))
    throw new ApiError(404, 'NOT_FOUND', 'This operation has no source file.', { file });
  const format: MaskedFormat = extension === 'csv' ? 'csv' : extension === 'txt' ? 'sniff' : 'json';
  // The admin's mapping names the source's key columns, however they are called.
  const fields = createSecretFields(operation.metadata.keyColumns);
  return { operationId: operation.operationId, blobName: `source.${extension}`, format, fields };
}

export async function openOperationFile(
  context: ProxyContext,
  principal: Principal,
  ref: string,
  file: OperationFile,
): Promise<OperationFileStream> {
  assertMayReadFile(principal, file);
  const { operationId, blobName, format, fields } = await locate(context, ref, file);
  const blob = await context.storage.openBlob(operationId, blobName);
  if (!blob)
    throw new ApiError(404, 'NOT_FOUND', `${blobName} does not exist (yet) for this operation.`, {
      file,
    });
  const masked = !isAdmin(principal);
  const contentType =
    file === 'source' && format !== 'json'
      ? 'text/plain; charset=utf-8'
      : 'application/x-ndjson; charset=utf-8';
  if (!masked) return { stream: blob.stream, contentType, blobName, masked, storedSize: blob.size };
  // pipeline, not pipe: a client that goes away destroys the transform, and that must also release
  // the blob download.
  const stream = pipeline(
    blob.stream,
    // A UTF-16 source (the converter takes Excel's "Unicode text") becomes UTF-8 first, or the mask
    // could not read it and its keys would pass.
    createUtf8Transcoder(),
    createMaskingTransform(format, fields),
    () => undefined,
  );
  return { stream, contentType, blobName, masked, storedSize: blob.size };
}

function isAdmin(principal: Principal): boolean {
  return principal.roles.includes('admin');
}

export async function mintReadSas(
  context: ProxyContext,
  principal: Principal,
  ref: string,
  file: OperationFile,
): Promise<ReadSasResponse & { blobName: string; operationId: string }> {
  // The route already requires admin; this is the last line should a route ever forget it.
  if (!isAdmin(principal))
    throw new ApiError(403, 'FORBIDDEN', 'Only an admin may read a file past the key mask.');
  const { operationId, blobName } = await locate(context, ref, file);
  if ((await context.storage.blobSize(operationId, blobName)) === undefined) {
    throw new ApiError(404, 'NOT_FOUND', `${blobName} does not exist (yet) for this operation.`, {
      file,
    });
  }
  const grant = await context.storage.readSas(operationId, blobName, SAS_LIFETIMES.readMinutes);
  return { url: grant.url, expiresOn: grant.expiresOn, blobName, operationId };
}
