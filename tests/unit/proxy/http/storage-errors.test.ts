import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../src/proxy/http/api-error';
import { asApiError, describedApiError } from '../../../../src/proxy/http/error-handler';
import { storageErrorToApiError } from '../../../../src/proxy/http/storage-errors';
import { StorageError } from '../../../../src/proxy/storage/storage-error';
import type { StorageErrorKind } from '../../../../src/proxy/storage/storage-error';

describe('what a client sees for a storage failure', () => {
  it('answers an operation that does not exist with 404 OPERATION_NOT_FOUND', () => {
    const error = new StorageError('operation-not-found', 'blob', 'No such operation.');
    expect(storageErrorToApiError(error)).toMatchObject({
      status: 404,
      code: 'OPERATION_NOT_FOUND',
      message: 'No such operation.',
      details: undefined,
    });
  });

  it.each<StorageErrorKind>(['forbidden', 'conflict', 'copy-failed', 'unavailable'])(
    'answers %s with 502 STORAGE_ERROR and storage’s own status',
    (kind) => {
      const error = new StorageError(kind, 'table', 'The index did not answer.', 503);
      expect(storageErrorToApiError(error)).toMatchObject({
        status: 502,
        code: 'STORAGE_ERROR',
        message: 'The index did not answer.',
        details: { storageStatus: 503 },
      });
    },
  );

  it('leaves the status out when storage never answered', () => {
    const error = new StorageError('unavailable', 'blob', 'Blob storage request failed.');
    expect(storageErrorToApiError(error).details).toBeUndefined();
  });

  it('is what the error handler answers, and what the audit line records', () => {
    const error = new StorageError('copy-failed', 'blob', 'Copying ended failed.');
    expect(asApiError(error)).toMatchObject({ status: 502, code: 'STORAGE_ERROR' });
    expect(describedApiError(error)?.code).toBe('STORAGE_ERROR');
    expect(describedApiError(new Error('boom'))).toBeUndefined();
    const own = new ApiError(409, 'JOB_SLOT_BUSY', 'busy');
    expect(describedApiError(own)).toBe(own);
  });
});
