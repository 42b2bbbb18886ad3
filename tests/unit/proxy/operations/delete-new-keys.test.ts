import { describe, expect, it } from 'vitest';
import { needsNewKeysDeleted, newKeyBlobs } from '../../../../src/proxy/operations/delete-new-keys';
import type { OperationMetadata } from '../../../../src/proxy/storage/operation-metadata';

const terminalRotation: OperationMetadata = {
  kind: 'import',
  createdAt: '2026-12-08T10:00:00.000Z',
  createdByName: 'Ada Admin',
  createdByOid: 'oid-admin',
  sourceExtension: 'ndjson',
  newKeysInside: true,
  finalStatus: 'completed',
};

describe('deleting the files of an import that carries new keys', () => {
  it('is due once its job is terminal, and only until it is done', () => {
    expect(needsNewKeysDeleted(terminalRotation)).toBe(true);
    expect(needsNewKeysDeleted({ ...terminalRotation, finalStatus: undefined })).toBe(false);
    expect(
      needsNewKeysDeleted({ ...terminalRotation, newKeysDeletedAt: '2026-12-08T10:05:00.000Z' }),
    ).toBe(false);
  });

  it('is never due for an ordinary import or an export', () => {
    expect(needsNewKeysDeleted({ ...terminalRotation, newKeysInside: undefined })).toBe(false);
    expect(needsNewKeysDeleted({ ...terminalRotation, kind: 'export' })).toBe(false);
  });

  it('takes the upload, its frozen copy and the source, never the backup or undo file', () => {
    expect(newKeyBlobs(terminalRotation)).toEqual([
      'devices.txt',
      'input/devices.txt',
      'source.ndjson',
    ]);
  });
});
