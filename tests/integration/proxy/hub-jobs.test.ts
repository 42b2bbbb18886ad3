import { BlobServiceClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../../src/contracts/api/errors';
import type { CreateExportResponse } from '../../../src/contracts/api/exports';
import type { StartImportResponse } from '../../../src/contracts/api/imports';
import type { HubInfoResponse, Job, JobListResponse } from '../../../src/contracts/api/jobs';
import { createOperationsIndex } from '../../../src/proxy/operations-index/operations-index';
import { rebuildOperationsIndex } from '../../../src/proxy/operations-index/rebuild-operations-index';
import { createOperationStorage } from '../../../src/proxy/storage/operation-storage';
import { hubOutputContainerName, newOperationId } from '../../../src/proxy/storage/operation-names';
import {
  createImport,
  createUploadedImport,
  deviceLines,
  waitForIdleHub,
} from './support/import-fixture';
import { startProxyStack, type ProxyStack } from './support/proxy-stack';

// The proxy against the real hub emulator and Azurite: the paths an admin and a support user take.
// The emulator is paced (devices per second) so a job stays running long enough to collide with.

let stack: ProxyStack;

beforeAll(async () => {
  // The job list below shows a support user's export, so support exports are turned on here, and
  // the imports this file leaves unstarted on purpose must not hold them back (no grace period).
  stack = await startProxyStack(
    { supportExports: { enabled: true, adminGraceSeconds: 0 } },
    { paceDevicesPerSecond: 200 },
  );
});

afterAll(async () => {
  await stack?.close();
});

async function waitForEnd(jobId: string): Promise<Job> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const job = (await (await stack.call('GET', `/api/jobs/${jobId}`, 'admin')).json()) as Job;
    if (['completed', 'failed', 'cancelled'].includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const errorCode = async (response: Response): Promise<string> =>
  ((await response.json()) as ApiErrorBody).error.code;

describe('starting an import', () => {
  it('runs the hub job end to end and records the job id in the operation', async () => {
    const created = await createUploadedImport(stack, deviceLines('e2e', 5), 'id\ne2e-0');
    const response = await stack.call('POST', `/api/imports/${created.operationId}/start`, 'admin');
    expect(response.status).toBe(200);
    const { job } = (await response.json()) as StartImportResponse;
    expect(job).toMatchObject({
      operationId: created.operationId,
      type: 'import',
      startedBy: { objectId: 'oid-admin' },
      fileName: 'devices.csv',
    });
    const ended = await waitForEnd(job.jobId ?? '');
    expect(ended.status).toBe('completed');
    const info = (await (await stack.call('GET', '/api/hub', 'support')).json()) as HubInfoResponse;
    expect(info.statistics.totalDeviceCount).toBeGreaterThanOrEqual(5);
    const audit = stack.logs.filter(
      (entry) => entry.type === 'audit' && entry.operationId === created.operationId,
    );
    expect(audit.map((entry) => [entry.action, entry.result])).toEqual([
      ['import.create', 'ok'],
      ['import.start', 'ok'],
    ]);
    expect(audit[0]?.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(audit[1]?.fileSha256).toBe(
      audit[0]?.details && (audit[0].details as { convertedSha256: string }).convertedSha256,
    );
  });

  it('answers a second start of the same operation with the job it already has', async () => {
    await waitForIdleHub(stack);
    const created = await createUploadedImport(stack, deviceLines('twice', 1), 'id\ntwice-0');
    const first = await stack.call('POST', `/api/imports/${created.operationId}/start`, 'admin');
    expect(first.status).toBe(200);
    const again = await stack.call('POST', `/api/imports/${created.operationId}/start`, 'admin');
    expect(again.status).toBe(200);
    expect(((await again.json()) as StartImportResponse).job.jobId).toBe(
      ((await first.json()) as StartImportResponse).job.jobId,
    );
  });

  it('refuses to start before devices.txt is uploaded (UPLOAD_MISSING) or when it is empty (UPLOAD_EMPTY)', async () => {
    const missing = await createImport(stack, deviceLines('m', 1), 'id\nm');
    const response = await stack.call('POST', `/api/imports/${missing.operationId}/start`, 'admin');
    expect([response.status, await errorCode(response)]).toEqual([409, 'UPLOAD_MISSING']);

    const empty = await createUploadedImport(stack, '', 'id');
    const emptyResponse = await stack.call(
      'POST',
      `/api/imports/${empty.operationId}/start`,
      'admin',
    );
    expect([emptyResponse.status, await errorCode(emptyResponse)]).toEqual([409, 'UPLOAD_EMPTY']);
  });

  it('answers 502 HUB_STORAGE_REJECTED when the hub cannot write to the container', async () => {
    await waitForIdleHub(stack);
    const created = await createUploadedImport(stack, deviceLines('leased', 1), 'id\nleased-0');
    // A lease held by someone else on importErrors.log makes the hub's output check fail, as on
    // Azure.
    const admin = BlobServiceClient.fromConnectionString(
      stack.azurite.connectionString,
    ).getContainerClient(hubOutputContainerName(created.operationId));
    await admin.create();
    const log = admin.getBlockBlobClient('importErrors.log');
    await log.upload('', 0);
    await log.getBlobLeaseClient().acquireLease(-1);
    const response = await stack.call('POST', `/api/imports/${created.operationId}/start`, 'admin');
    expect([response.status, await errorCode(response)]).toEqual([502, 'HUB_STORAGE_REJECTED']);
    const job = (await (
      await stack.call('GET', `/api/jobs/${created.operationId}`, 'admin')
    ).json()) as Job;
    expect(job.jobId).toBeNull();
  });

  it('answers 404 OPERATION_NOT_FOUND for an operation id that names no container', async () => {
    const response = await stack.call(
      'POST',
      `/api/imports/${newOperationId('import', new Date())}/start`,
      'admin',
    );
    expect([response.status, await errorCode(response)]).toEqual([404, 'OPERATION_NOT_FOUND']);
  });
});

describe('the hub job slot', () => {
  it('answers JOB_SLOT_BUSY naming the running job, and frees the slot when an admin cancels it', async () => {
    await waitForIdleHub(stack);
    const slow = await createUploadedImport(stack, deviceLines('slow', 3000, false), 'id');
    const waiting = await createUploadedImport(stack, deviceLines('waiting', 1), 'id\nwaiting-0');
    const started = (await (
      await stack.call('POST', `/api/imports/${slow.operationId}/start`, 'admin')
    ).json()) as StartImportResponse;
    const jobId = started.job.jobId ?? '';

    const busy = await stack.call('POST', '/api/exports', 'admin', { excludeKeys: true });
    expect(busy.status).toBe(409);
    const body = (await busy.json()) as ApiErrorBody;
    expect(body.error.code).toBe('JOB_SLOT_BUSY');
    expect(body.error.details).toEqual({ activeJobId: jobId });
    // The refused export leaves no phantom operation behind.
    const list = (await (await stack.call('GET', '/api/jobs', 'admin')).json()) as JobListResponse;
    expect(list.jobs.filter((job) => job.type === 'export' && job.jobId === null)).toEqual([]);

    const info = (await (await stack.call('GET', '/api/hub', 'support')).json()) as HubInfoResponse;
    expect(info.activeJob).toMatchObject({ jobId, type: 'import' });
    const busyImport = await stack.call(
      'POST',
      `/api/imports/${waiting.operationId}/start`,
      'admin',
    );
    expect([busyImport.status, await errorCode(busyImport)]).toEqual([409, 'JOB_SLOT_BUSY']);

    expect((await stack.call('DELETE', `/api/jobs/${jobId}`, 'support')).status).toBe(403);
    const cancel = await stack.call('DELETE', `/api/jobs/${jobId}`, 'admin');
    expect(cancel.status).toBe(200);
    expect((await waitForEnd(jobId)).status).toBe('cancelled');
    const again = await stack.call('DELETE', `/api/jobs/${jobId}`, 'admin');
    expect([again.status, await errorCode(again)]).toEqual([409, 'JOB_NOT_ACTIVE']);
    // The import refused while the slot was busy can be started now.
    const retried = await stack.call('POST', `/api/imports/${waiting.operationId}/start`, 'admin');
    expect(retried.status).toBe(200);
    await waitForEnd(((await retried.json()) as StartImportResponse).job.jobId ?? '');
    expect(
      stack.logs.some(
        (entry) =>
          entry.type === 'audit' &&
          entry.action === 'job.cancel' &&
          entry.jobId === jobId &&
          entry.result === 'ok',
      ),
    ).toBe(true);
  });
});

describe('the job list', () => {
  it('merges hub jobs with operation metadata, newest first, and keeps operations the hub has forgotten', async () => {
    await waitForIdleHub(stack);
    const storage = createOperationStorage({
      accountName: stack.azurite.accountName,
      blobEndpoint: stack.azurite.blobEndpoint,
      auth: { kind: 'sharedKey', accountKey: stack.azurite.accountKey },
      now: () => new Date(),
    });
    const forgotten = newOperationId('import', new Date('2026-01-05T00:00:00Z'));
    await storage.createOperation(forgotten, {
      kind: 'import',
      createdAt: '2026-01-05T10:00:00.000Z',
      createdByName: 'Old Admin',
      createdByOid: 'oid-old',
      fileName: 'old devices.csv',
      rowCounts: { total: 3, valid: 3, invalid: 0, blank: 0 },
      jobId: 'job-the-hub-forgot',
      finalStatus: 'failed',
      failureReason: 'storage went away',
    });
    // Written behind the proxy's back, as by a version before the index: a rebuild takes it in.
    await rebuildOperationsIndex(
      storage,
      createOperationsIndex({
        accountName: stack.azurite.accountName,
        tableEndpoint: stack.azurite.tableEndpoint,
        auth: { kind: 'sharedKey', accountKey: stack.azurite.accountKey },
        hubHostName: stack.hub.hostName,
      }),
    );
    const exported = (await (
      await stack.call('POST', '/api/exports', 'support', {})
    ).json()) as CreateExportResponse;

    const list = (await (
      await stack.call('GET', '/api/jobs', 'support')
    ).json()) as JobListResponse;
    const times = list.jobs.map((job) => job.createdAt ?? job.startTimeUtc ?? '');
    expect(times).toEqual([...times].sort().reverse());
    expect(list.jobs[0]?.jobId).toBe(exported.job.jobId);
    expect(list.jobs[0]?.startedBy).toEqual({ name: 'Sam Support', objectId: 'oid-support' });
    const old = list.jobs.find((job) => job.operationId === forgotten);
    expect(old).toMatchObject({
      jobId: 'job-the-hub-forgot',
      hubHistoryExpired: true,
      status: 'failed',
      failureReason: 'storage went away',
      fileName: 'old devices.csv',
      startedBy: { name: 'Old Admin' },
    });
    // Jobs seen finished have their outcome copied into the metadata, for when the hub forgets
    // them.
    const finished = list.jobs.find((job) => job.status === 'completed' && job.operationId);
    const recorded = await storage.readOperation(finished?.operationId ?? '');
    expect(recorded).toMatchObject({ finalStatus: 'completed', jobId: finished?.jobId });

    const one = await stack.call('GET', '/api/jobs/job-the-hub-forgot', 'support');
    expect(one.status).toBe(200);
    expect(((await one.json()) as Job).hubHistoryExpired).toBe(true);
    const unknown = await stack.call('GET', '/api/jobs/no-such-job', 'support');
    expect([unknown.status, await errorCode(unknown)]).toEqual([404, 'JOB_NOT_FOUND']);
  });
});

describe('reading results', () => {
  it('streams importErrors.log of a finished import to support staff', async () => {
    await waitForIdleHub(stack);
    const first = await createUploadedImport(stack, deviceLines('dup', 2), 'id\ndup-0');
    const firstJob = (
      (await (
        await stack.call('POST', `/api/imports/${first.operationId}/start`, 'admin')
      ).json()) as StartImportResponse
    ).job;
    await waitForEnd(firstJob.jobId ?? '');
    const second = await createUploadedImport(stack, deviceLines('dup', 2), 'id\ndup-0');
    const secondJob = (
      (await (
        await stack.call('POST', `/api/imports/${second.operationId}/start`, 'admin')
      ).json()) as StartImportResponse
    ).job;
    await waitForEnd(secondJob.jobId ?? '');

    const response = await stack.call(
      'GET',
      `/api/jobs/${secondJob.jobId}/files/errors`,
      'support',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (await response.text())
      .split(/\r?\n/)
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { deviceId: string; errorCode: number });
    expect(lines.map((line) => [line.deviceId, line.errorCode]).sort()).toEqual([
      ['dup-0', 409001],
      ['dup-1', 409001],
    ]);
  });

  it('answers 404 NOT_FOUND for a file the operation does not have', async () => {
    const exported = (await (
      await stack.call('POST', '/api/exports', 'admin', {})
    ).json()) as CreateExportResponse;
    await waitForEnd(exported.job.jobId ?? '');
    const response = await stack.call(
      'GET',
      `/api/jobs/${exported.job.jobId}/files/errors`,
      'admin',
    );
    expect([response.status, await errorCode(response)]).toEqual([404, 'NOT_FOUND']);
  });

  it('masks device keys for support staff and shows them to admins', async () => {
    await waitForIdleHub(stack);
    const devices = deviceLines('keyed', 3);
    const source = `id,primaryKey,secondaryKey\nkeyed-0,${Buffer.alloc(32, 1).toString('base64')},${Buffer.alloc(32, 101).toString('base64')}\n`;
    const created = await createUploadedImport(stack, devices, source);
    const job = (
      (await (
        await stack.call('POST', `/api/imports/${created.operationId}/start`, 'admin')
      ).json()) as StartImportResponse
    ).job;
    await waitForEnd(job.jobId ?? '');
    const key = Buffer.alloc(32, 1).toString('base64');

    const adminResponse = await stack.call('GET', `/api/jobs/${job.jobId}/files/devices`, 'admin');
    const adminDevices = await adminResponse.text();
    expect(adminDevices).toContain(key);
    // Unmasked, the stream is exactly the stored blob, so the browser gets a real length for its
    // progress bar.
    expect(adminResponse.headers.get('content-length')).toBe(
      String(Buffer.byteLength(adminDevices)),
    );
    expect(adminResponse.headers.get('x-blob-size')).toBe(String(Buffer.byteLength(adminDevices)));

    for (const file of ['devices', 'source']) {
      const response = await stack.call('GET', `/api/jobs/${job.jobId}/files/${file}`, 'support');
      expect(response.status).toBe(200);
      expect(response.headers.get('x-keys-masked')).toBe('true');
      const text = await response.text();
      // Masked output is shorter than the blob: only the stored size is offered, as a progress
      // total.
      expect(Number(response.headers.get('x-blob-size'))).toBeGreaterThan(Buffer.byteLength(text));
      expect(text).not.toContain(key);
      expect(text).toContain('***');
      expect(text).toContain('keyed-0');
    }
    const sas = await stack.call('POST', `/api/jobs/${job.jobId}/files/devices/sas`, 'support');
    expect(sas.status).toBe(403);

    const exported = (await (
      await stack.call('POST', '/api/exports', 'admin', { excludeKeys: false })
    ).json()) as CreateExportResponse;
    await waitForEnd(exported.job.jobId ?? '');
    const snapshot = await (
      await stack.call('GET', `/api/jobs/${exported.job.jobId}/files/devices`, 'support')
    ).text();
    expect(snapshot).toContain('keyed-0');
    expect(snapshot).not.toContain(key);

    // The first listing after the export ends records its snapshot size; later listings show it.
    const stored = await (
      await stack.call('GET', `/api/jobs/${exported.job.jobId}/files/devices`, 'admin')
    ).text();
    await stack.call('GET', '/api/jobs', 'admin');
    const listed = (await (
      await stack.call('GET', '/api/jobs', 'admin')
    ).json()) as JobListResponse;
    const exportJob = listed.jobs.find((entry) => entry.jobId === exported.job.jobId);
    expect(exportJob).toMatchObject({
      fileName: 'devices.txt',
      fileSize: Buffer.byteLength(stored),
    });
  });
});
