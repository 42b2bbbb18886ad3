import { ApiError } from './api-error';
import type { StorageError } from '../storage/storage-error';

// The one place a storage failure becomes what a client sees, as hub failures do in
// src/proxy/hub/hub-errors.ts. An operation that does not exist is the client's 404; every other
// kind is storage failing the proxy (502 STORAGE_ERROR), with storage's own status in the details
// when it answered, so support can tell a refused grant from an outage.
export function storageErrorToApiError(error: StorageError): ApiError {
  if (error.kind === 'operation-not-found')
    return new ApiError(404, 'OPERATION_NOT_FOUND', error.message);
  return new ApiError(
    502,
    'STORAGE_ERROR',
    error.message,
    error.storageStatus === undefined ? undefined : { storageStatus: error.storageStatus },
  );
}
