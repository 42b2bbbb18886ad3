import { describe, expect, it } from 'vitest';
import type { Job } from '../../../../src/contracts/api/jobs';
import type { Principal } from '../../../../src/proxy/auth/bearer-verifier';
import { ApiError } from '../../../../src/proxy/http/api-error';
import {
  assertBackupKept,
  backupRecordFor,
  jobForCaller,
} from '../../../../src/proxy/operations/backup-files';
import { toJob } from '../../../../src/proxy/operations/to-job';
import type { OperationMetadata } from '../../../../src/proxy/storage/operation-metadata';

const NOW = new Date('2026-12-04T12:00:00.000Z');
const admin: Principal = { name: 'A', username: 'a', objectId: 'oid-a', roles: ['admin'] };
const support: Principal = { name: 'S', username: 's', objectId: 'oid-s', roles: ['support'] };

const metadata = (backup: OperationMetadata['backup']): OperationMetadata => ({
  kind: 'import',
  createdAt: '2026-12-01T00:00:00.000Z',
  createdByName: 'A',
  createdByOid: 'oid-a',
  ...(backup ? { backup } : {}),
});

const jobWith = (backup: OperationMetadata['backup']): Job =>
  toJob(undefined, { operationId: 'import-20261201-aaaaaaaaaa', metadata: metadata(backup) });

const codeOf = (work: () => void): string | undefined => {
  try {
    work();
    return undefined;
  } catch (error) {
    return error instanceof ApiError ? error.code : 'other';
  }
};

describe('backup retention', () => {
  it('keeps a backup for the configured days from its creation', () => {
    const record = backupRecordFor(
      {
        fileName: 'f.csv',
        fileSize: 1,
        sourceSha256: 'a'.repeat(64),
        sourceExtension: 'csv',
        convertedSize: 1,
        convertedSha256: 'b'.repeat(64),
        rowCounts: { total: 1, valid: 1, invalid: 0, blank: 0 },
        byMode: {},
        backup: { snapshotTakenAt: '2026-12-04T11:59:00.000Z' },
      },
      NOW,
      30,
    );
    expect(record).toEqual({
      snapshotTakenAt: '2026-12-04T11:59:00.000Z',
      expiresAt: '2027-01-03T12:00:00.000Z',
    });
  });

  it('serves the files until expiresAt and answers BACKUP_EXPIRED from then on', () => {
    const kept = metadata({ snapshotTakenAt: 'x', expiresAt: '2026-12-04T12:00:00.001Z' });
    const gone = metadata({ snapshotTakenAt: 'x', expiresAt: '2026-12-04T12:00:00.000Z' });
    expect(codeOf(() => assertBackupKept(kept, 'undo', NOW))).toBeUndefined();
    expect(codeOf(() => assertBackupKept(gone, 'undo', NOW))).toBe('BACKUP_EXPIRED');
    expect(codeOf(() => assertBackupKept(gone, 'backup', NOW))).toBe('BACKUP_EXPIRED');
    expect(codeOf(() => assertBackupKept(gone, 'devices', NOW))).toBeUndefined();
    expect(codeOf(() => assertBackupKept(metadata(undefined), 'backup', NOW))).toBe('NOT_FOUND');
  });
});

describe('the backup a caller sees in a job', () => {
  const uploaded = { snapshotTakenAt: 'x', expiresAt: '2026-12-10T00:00:00.000Z', undoSize: 10 };

  it('offers the undo to an admin while it is kept and the file was uploaded', () => {
    expect(jobForCaller(jobWith(uploaded), admin, NOW).backup).toEqual({
      snapshotTakenAt: 'x',
      expiresAt: '2026-12-10T00:00:00.000Z',
      undoAvailable: true,
    });
    expect(jobForCaller(jobWith({ ...uploaded, undoSize: 0 }), admin, NOW).backup).toMatchObject({
      undoAvailable: false,
    });
  });

  it('offers no undo past the retention', () => {
    const later = new Date('2026-12-10T00:00:00.000Z');
    expect(jobForCaller(jobWith(uploaded), admin, later).backup).toMatchObject({
      undoAvailable: false,
    });
  });

  it('shows support staff no backup at all', () => {
    expect(jobForCaller(jobWith(uploaded), support, NOW).backup).toBeNull();
  });

  it('masks a SAS signature the hub quoted in its failure text for support, not for admins', () => {
    const reason =
      'Blob https://acct.blob.core.windows.net/c/devices.txt?sv=2024&sig=c2VjcmV0LXNpZ25hdHVyZS12YWx1ZQ%3D%3D not readable';
    const failed = { ...jobWith(uploaded), failureReason: reason };
    const seen = jobForCaller(failed, support, NOW).failureReason ?? '';
    expect(seen).not.toContain('c2VjcmV0LXNpZ25hdHVyZS12YWx1ZQ');
    expect(seen).toContain('not readable');
    expect(jobForCaller(failed, admin, NOW).failureReason).toBe(reason);
  });

  it('masks a key pasted into an import label or file name for support, not for admins', () => {
    const key = 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZg==';
    const labelled = {
      ...jobWith(uploaded),
      label: `rotate SharedAccessKey=${key}`,
      fileName: `devices-${key}.csv`,
    };
    const seen = jobForCaller(labelled, support, NOW);
    expect(`${seen.label} ${seen.fileName}`).not.toContain(key);
    expect(seen.label).toContain('rotate');
    expect(seen.fileName).toMatch(/^devices-.*\.csv$/);
    const asAdmin = jobForCaller(labelled, admin, NOW);
    expect([asAdmin.label, asAdmin.fileName]).toEqual([labelled.label, labelled.fileName]);
  });
});
