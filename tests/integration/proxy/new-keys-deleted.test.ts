import { BlockBlobClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateImportResponse, StartImportResponse } from '../../../src/contracts/api/imports';
import { TERMINAL_JOB_STATUSES, type Job } from '../../../src/contracts/api/jobs';
import { createOperationStorage } from '../../../src/proxy/storage/operation-storage';
import type { OperationStorage } from '../../../src/proxy/storage/operation-storage';
import { deviceLines, importRequestFor, waitForIdleHub } from './support/import-fixture';
import { startProxyStack, type ProxyStack } from './support/proxy-stack';

// A key regeneration's import (docs/bulk-flows.md, "Regenerate keys") carries the new keys in
// clear: against the real proxy, Azurite and the hub emulator, its uploaded file, frozen copy and
// source are deleted once the job ends, the backup (old keys, for undo) stays, and an ordinary
// import keeps its files.

let stack: ProxyStack;
let storage: OperationStorage;

beforeAll(async () => {
  stack = await startProxyStack({ backup: { retentionDays: 7 } });
  storage = createOperationStorage({
    accountName: stack.azurite.accountName,
    blobEndpoint: stack.azurite.blobEndpoint,
    auth: { kind: 'sharedKey', accountKey: stack.azurite.accountKey },
    now: () => new Date(),
  });
});

afterAll(async () => {
  await stack?.close();
});

const upload = (url: string, text: string) =>
  new BlockBlobClient(url).upload(text, Buffer.byteLength(text));

async function importAndWait(devicesText: string, newKeysInside: boolean): Promise<string> {
  const response = await stack.call('POST', '/api/imports', 'admin', {
    ...importRequestFor(devicesText, devicesText),
    byMode: { createOrUpdate: 2 },
    backup: { snapshotTakenAt: new Date().toISOString() },
    ...(newKeysInside ? { newKeysInside: true } : {}),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  const created = (await response.json()) as CreateImportResponse;
  await upload(created.uploads.devices.url, devicesText);
  await upload(created.uploads.source.url, devicesText);
  await upload(created.uploads.backup?.url ?? '', 'old keys\n');
  await upload(created.uploads.undo?.url ?? '', 'undo\n');
  await waitForIdleHub(stack);
  const started = await stack.call('POST', `/api/imports/${created.operationId}/start`, 'admin');
  expect(started.status, await started.clone().text()).toBe(200);
  const { job: first } = (await started.json()) as StartImportResponse;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const polled = (await (
      await stack.call('GET', `/api/jobs/${first.jobId ?? created.operationId}`, 'admin')
    ).json()) as Job;
    if (TERMINAL_JOB_STATUSES.includes(polled.status)) {
      expect(polled.status).toBe('completed');
      return created.operationId;
    }
    if (Date.now() > deadline) throw new Error(`import still ${polled.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function waitForDeletion(operationId: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const metadata = await storage.readOperation(operationId);
    if (metadata?.newKeysDeletedAt) return metadata.newKeysDeletedAt;
    if (Date.now() > deadline)
      throw new Error(`the new keys were not deleted: ${JSON.stringify(metadata)}`);
    // Each poll is a sighting of the terminal job, which is when the proxy deletes.
    await stack.call('GET', `/api/jobs/${operationId}`, 'admin');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the files of an import that carries new keys', () => {
  it('are deleted when its job ends, while the backup and undo files stay', async () => {
    const operationId = await importAndWait(deviceLines('rekey', 2), true);
    expect(Date.parse(await waitForDeletion(operationId))).not.toBeNaN();
    for (const name of ['devices.txt', 'input/devices.txt', 'source.csv'])
      expect(await storage.blobSize(operationId, name), name).toBeUndefined();
    for (const name of ['backup.txt', 'undo.ndjson'])
      expect(await storage.blobSize(operationId, name), name).toBeGreaterThan(0);
    const metadata = await storage.readOperation(operationId);
    expect(metadata).toMatchObject({ newKeysInside: true, finalStatus: 'completed' });
  });

  it('stay for an ordinary import', async () => {
    const operationId = await importAndWait(deviceLines('plain', 2), false);
    // Give the end-of-job work its chance to run (it would have by the next poll).
    await stack.call('GET', `/api/jobs/${operationId}`, 'admin');
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const name of ['devices.txt', 'input/devices.txt', 'source.csv'])
      expect(await storage.blobSize(operationId, name), name).toBeGreaterThan(0);
    expect((await storage.readOperation(operationId))?.newKeysDeletedAt).toBeUndefined();
  });
});
