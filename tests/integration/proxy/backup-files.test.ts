import { BlockBlobClient, RestError } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../../src/contracts/api/errors';
import type { ReadSasResponse } from '../../../src/contracts/api/files';
import type { CreateImportResponse, StartImportResponse } from '../../../src/contracts/api/imports';
import {
  TERMINAL_JOB_STATUSES,
  type Job,
  type JobListResponse,
} from '../../../src/contracts/api/jobs';
import { cleanupExpiredBackups } from '../../../src/proxy/operations-index/cleanup-expired-backups';
import { createOperationStorage } from '../../../src/proxy/storage/operation-storage';
import { deviceLines, importRequestFor, waitForIdleHub } from './support/import-fixture';
import { startProxyStack, type ProxyStack } from './support/proxy-stack';

// An import created with a backup: the two extra grants, the files read back by an admin, and
// support staff kept away from them, against the real proxy, Azurite and the hub emulator.

let stack: ProxyStack;
const RETENTION_DAYS = 7;
const SNAPSHOT_TAKEN_AT = '2026-12-04T10:00:00.000Z';
const BACKUP_TEXT = `${deviceLines('bk', 2)}\n`;
const UNDO_TEXT = '{"id":"bk-new","importMode":"delete"}\n';

beforeAll(async () => {
  stack = await startProxyStack({ backup: { retentionDays: RETENTION_DAYS } });
});

afterAll(async () => {
  await stack?.close();
});

const upload = (url: string, text: string) =>
  new BlockBlobClient(url).upload(text, Buffer.byteLength(text));

const statusOf = async (work: () => Promise<unknown>): Promise<number> => {
  try {
    await work();
    return 200;
  } catch (error) {
    if (error instanceof RestError) return error.statusCode ?? -1;
    throw error;
  }
};

async function createWithBackup(devicesText: string): Promise<CreateImportResponse> {
  const response = await stack.call('POST', '/api/imports', 'admin', {
    ...importRequestFor(devicesText, 'id'),
    backup: { snapshotTakenAt: SNAPSHOT_TAKEN_AT },
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as CreateImportResponse;
}

async function job(ref: string, variant: 'admin' | 'support'): Promise<Job> {
  const response = await stack.call('GET', `/api/jobs/${ref}`, variant);
  expect(response.status).toBe(200);
  return (await response.json()) as Job;
}

async function startAndWait(operationId: string): Promise<Job> {
  await waitForIdleHub(stack);
  const started = await stack.call('POST', `/api/imports/${operationId}/start`, 'admin');
  expect(started.status, await started.clone().text()).toBe(200);
  const { job: first } = (await started.json()) as StartImportResponse;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const polled = await job(first.jobId ?? operationId, 'admin');
    if (TERMINAL_JOB_STATUSES.includes(polled.status)) return polled;
    if (Date.now() > deadline) throw new Error(`import ${operationId} still ${polled.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('an import created with a backup', () => {
  let created: CreateImportResponse;
  beforeAll(async () => {
    created = await createWithBackup(deviceLines('bk-a', 1));
  });

  it('answers grants for backup.txt and undo.ndjson and the retention it keeps them for', () => {
    expect(created.uploads.backup?.blobName).toBe('backup.txt');
    expect(created.uploads.undo?.blobName).toBe('undo.ndjson');
    expect(created.backup?.snapshotTakenAt).toBe(SNAPSHOT_TAKEN_AT);
    const days = (Date.parse(created.backup?.expiresAt ?? '') - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(RETENTION_DAYS - 0.01);
    expect(days).toBeLessThan(RETENTION_DAYS + 0.01);
  });

  it('grants write one blob each and nothing else', async () => {
    const backupUrl = created.uploads.backup?.url ?? '';
    expect(await statusOf(() => upload(backupUrl, BACKUP_TEXT))).toBe(200);
    expect(await statusOf(() => new BlockBlobClient(backupUrl).download())).toBe(403);
    const other = new URL(backupUrl);
    other.pathname = other.pathname.replace(/backup\.txt$/, 'devices.txt');
    expect(await statusOf(() => upload(other.toString(), 'overwritten'))).toBe(403);
    expect(await statusOf(() => upload(created.uploads.undo?.url ?? '', UNDO_TEXT))).toBe(200);
  });

  it('lets an admin read both back, as a stream and through a read SAS', async () => {
    for (const [file, text] of [
      ['backup', BACKUP_TEXT],
      ['undo', UNDO_TEXT],
    ] as const) {
      const path = `/api/jobs/${created.operationId}/files/${file}`;
      const read = await stack.call('GET', path, 'admin');
      expect(read.status).toBe(200);
      expect(read.headers.get('x-keys-masked')).toBe('false');
      expect(await read.text()).toBe(text);
      const sas = await stack.call('POST', `${path}/sas`, 'admin');
      expect(sas.status).toBe(200);
      const { url } = (await sas.json()) as ReadSasResponse;
      expect(await (await fetch(url)).text()).toBe(text);
    }
  });

  it('refuses support staff both files, by stream and by SAS', async () => {
    for (const file of ['backup', 'undo']) {
      const path = `/api/jobs/${created.operationId}/files/${file}`;
      for (const [method, url] of [
        ['GET', path],
        ['POST', `${path}/sas`],
      ] as const) {
        const response = await stack.call(method, url, 'support');
        expect(response.status).toBe(403);
        expect(((await response.json()) as ApiErrorBody).error.code).toBe('FORBIDDEN');
      }
    }
  });

  it('shows the backup in the job to admins only', async () => {
    expect((await job(created.operationId, 'admin')).backup).toEqual({
      snapshotTakenAt: SNAPSHOT_TAKEN_AT,
      expiresAt: created.backup?.expiresAt,
      undoAvailable: false,
    });
    expect((await job(created.operationId, 'support')).backup).toBeNull();
    const list = (await (
      await stack.call('GET', '/api/jobs?limit=200', 'support')
    ).json()) as JobListResponse;
    expect(list.jobs.some((listed) => listed.operationId === created.operationId)).toBe(true);
    expect(list.jobs.every((listed) => listed.backup === null)).toBe(true);
    const unknown = await stack.call('GET', `/api/jobs/${created.operationId}/files/x`, 'support');
    expect(JSON.stringify(await unknown.json())).not.toMatch(/backup|undo/);
  });

  it('says the undo is available once the job has ended with undo.ndjson uploaded', async () => {
    const devicesText = deviceLines('bk-a', 1);
    await upload(created.uploads.devices.url, devicesText);
    await upload(created.uploads.source.url, 'id');
    expect((await startAndWait(created.operationId)).status).toBe('completed');
    // The poll that first sees the end records the undo's size; the answers after it say so.
    expect((await job(created.operationId, 'admin')).backup?.undoAvailable).toBe(true);
    expect((await job(created.operationId, 'support')).backup).toBeNull();
  });
});

describe('the start of an import with a backup', () => {
  it('does not require the backup files; the job then has no undo', async () => {
    const devicesText = deviceLines('bk-b', 1);
    const created = await createWithBackup(devicesText);
    await upload(created.uploads.devices.url, devicesText);
    await upload(created.uploads.source.url, 'id');
    expect((await startAndWait(created.operationId)).status).toBe('completed');
    expect((await job(created.operationId, 'admin')).backup).toMatchObject({
      undoAvailable: false,
    });
    const read = await stack.call('GET', `/api/jobs/${created.operationId}/files/undo`, 'admin');
    expect(read.status).toBe(404);
  });
});

describe('an import created without a backup', () => {
  it('has no backup grants, no backup in its job and no backup file', async () => {
    const response = await stack.call(
      'POST',
      '/api/imports',
      'admin',
      importRequestFor('{"id":"x"}', 'id'),
    );
    const created = (await response.json()) as CreateImportResponse;
    expect(created.uploads.backup).toBeUndefined();
    expect(created.backup).toBeUndefined();
    expect((await job(created.operationId, 'admin')).backup).toBeNull();
    const read = await stack.call('GET', `/api/jobs/${created.operationId}/files/backup`, 'admin');
    expect(read.status).toBe(404);
  });
});

describe('the backup files after the start', () => {
  let created: CreateImportResponse;
  beforeAll(async () => {
    const devicesText = deviceLines('bk-c', 1);
    created = await createWithBackup(devicesText);
    await upload(created.uploads.backup?.url ?? '', BACKUP_TEXT);
    await upload(created.uploads.undo?.url ?? '', UNDO_TEXT);
    await upload(created.uploads.devices.url, devicesText);
    await upload(created.uploads.source.url, 'id');
    expect((await startAndWait(created.operationId)).status).toBe('completed');
  });

  const read = async (file: 'backup' | 'undo') =>
    (await stack.call('GET', `/api/jobs/${created.operationId}/files/${file}`, 'admin')).text();

  it('are frozen at start: an upload grant still valid cannot rewrite what the audit keeps', async () => {
    expect(await statusOf(() => upload(created.uploads.backup?.url ?? '', 'rewritten'))).toBe(200);
    expect(await statusOf(() => upload(created.uploads.undo?.url ?? '', 'rewritten'))).toBe(200);
    expect(await read('backup')).toBe(BACKUP_TEXT);
    expect(await read('undo')).toBe(UNDO_TEXT);
  });

  it('are deleted by the sweep once their retention has passed, and said so in the metadata', async () => {
    const storage = createOperationStorage({
      accountName: stack.azurite.accountName,
      blobEndpoint: stack.azurite.blobEndpoint,
      auth: { kind: 'sharedKey', accountKey: stack.azurite.accountKey },
      now: () => new Date(),
    });
    const expiresAt = Date.parse(created.backup?.expiresAt ?? '');
    // A day before the end of the retention nothing goes.
    const early = await cleanupExpiredBackups({
      storage,
      now: () => new Date(expiresAt - 86_400_000),
    });
    expect(early).not.toContain(created.operationId);
    expect(await storage.blobSize(created.operationId, 'backup.txt')).toBeGreaterThan(0);

    const swept = await cleanupExpiredBackups({ storage, now: () => new Date(expiresAt + 1000) });
    expect(swept).toContain(created.operationId);
    for (const name of ['backup.txt', 'undo.ndjson', 'input/backup.txt', 'input/undo.ndjson'])
      expect(await storage.blobSize(created.operationId, name), name).toBeUndefined();
    const metadata = await storage.readOperation(created.operationId);
    expect(metadata?.backup?.deletedAt).toBe(new Date(expiresAt + 1000).toISOString());
    expect(metadata?.finalStatus).toBe('completed');
    // The input and the job's record stay: only the keys' copies go.
    expect(await storage.blobSize(created.operationId, 'devices.txt')).toBeGreaterThan(0);
    // A second sweep leaves it alone.
    expect(
      await cleanupExpiredBackups({ storage, now: () => new Date(expiresAt + 2000) }),
    ).not.toContain(created.operationId);
  });
});
