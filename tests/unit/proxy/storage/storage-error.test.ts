import { RestError as BlobRestError } from '@azure/storage-blob';
import { RestError as TableRestError } from '@azure/data-tables';
import { describe, expect, it } from 'vitest';
import { StorageError, storageFailure } from '../../../../src/proxy/storage/storage-error';

describe('a failed storage call as a StorageError', () => {
  it.each([
    [403, 'forbidden'],
    [409, 'conflict'],
    [412, 'conflict'],
    [500, 'unavailable'],
    [503, 'unavailable'],
  ] as const)('reads storage status %i as %s', (status, kind) => {
    const error = storageFailure(new BlobRestError('x', { statusCode: status }), 'blob', 'failed');
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({
      kind,
      service: 'blob',
      storageStatus: status,
      message: 'failed',
    });
  });

  it('reads the status of the table SDK’s RestError too', () => {
    const error = storageFailure(new TableRestError('x', { statusCode: 403 }), 'table', 'index');
    expect(error).toMatchObject({ kind: 'forbidden', service: 'table', storageStatus: 403 });
  });

  it('counts a call that got no answer as unavailable, with no status', () => {
    const error = storageFailure(new TypeError('socket hang up'), 'blob', 'failed');
    expect(error).toMatchObject({ kind: 'unavailable', storageStatus: undefined });
  });
});
