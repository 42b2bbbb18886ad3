import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateExportResponse } from '../../../src/contracts/api/exports';
import type { Job, JobListResponse } from '../../../src/contracts/api/jobs';
import { createOperationStorage } from '../../../src/proxy/storage/operation-storage';
import { createUploadedImport, waitForIdleHub } from './support/import-fixture';
import { startProxyStack, type ProxyStack } from './support/proxy-stack';

// An export on the real emulator through the proxy: the exports list answers at once with a null
// count, and the count of device and module lines appears once the proxy has read devices.txt.

const DEVICES = 240;
const MODULES = 17;

let stack: ProxyStack;

beforeAll(async () => {
  stack = await startProxyStack();
  // Some devices carry a tag named moduleId: they must still count as devices, not modules.
  const lines = [
    ...Array.from({ length: DEVICES }, (_, i) =>
      JSON.stringify({
        id: `count-${i}`,
        importMode: 'create',
        status: 'enabled',
        ...(i % 10 === 0 ? { tags: { moduleId: `tag-${i}`, site: 'Zürich' } } : {}),
      }),
    ),
    ...Array.from({ length: MODULES }, (_, i) =>
      JSON.stringify({ id: `count-${i}`, moduleId: `mod-${i}`, importMode: 'create' }),
    ),
  ].join('\n');
  const created = await createUploadedImport(stack, lines, 'id\ncount-0');
  const started = await stack.call('POST', `/api/imports/${created.operationId}/start`, 'admin');
  expect(started.status).toBe(200);
  await waitForIdleHub(stack);
});

afterAll(async () => {
  await stack?.close();
});

async function listExport(jobId: string): Promise<Job | undefined> {
  const response = await stack.call('GET', '/api/jobs', 'support');
  expect(response.status).toBe(200);
  return ((await response.json()) as JobListResponse).jobs.find((job) => job.jobId === jobId);
}

async function exportAndCount(excludeKeys: boolean): Promise<{ seen: Job[]; counted: Job }> {
  await waitForIdleHub(stack);
  const response = await stack.call('POST', '/api/exports', 'admin', { excludeKeys });
  expect(response.status).toBe(200);
  const { job } = (await response.json()) as CreateExportResponse;
  const seen: Job[] = [];
  const deadline = Date.now() + 30_000;
  for (;;) {
    const listed = await listExport(job.jobId ?? '');
    if (listed) seen.push(listed);
    if (listed?.deviceCount !== null && listed?.deviceCount !== undefined)
      return { seen, counted: listed };
    if (Date.now() > deadline)
      throw new Error(`export ${job.jobId} not counted: ${JSON.stringify(listed)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the device count of an export', () => {
  it('appears in the jobs list once counted: devices and modules apart, the keyless warning line skipped', async () => {
    const { seen, counted } = await exportAndCount(true);
    expect(counted).toMatchObject({
      type: 'export',
      status: 'completed',
      deviceCount: DEVICES,
      moduleCount: MODULES,
      excludeKeysInExport: true,
    });
    expect(counted.fileSize).toBeGreaterThan(0);
    // Before the count lands the list still answers, with null as the "still counting" value.
    for (const job of seen.slice(0, -1)) expect(job.deviceCount).toBeNull();
    // The count is kept in the container metadata, so it outlives this proxy process.
    const storage = createOperationStorage({
      accountName: stack.azurite.accountName,
      blobEndpoint: stack.azurite.blobEndpoint,
      auth: { kind: 'sharedKey', accountKey: stack.azurite.accountKey },
      now: () => new Date(),
    });
    expect(await storage.readOperation(counted.operationId ?? '')).toMatchObject({
      deviceCount: DEVICES,
      moduleCount: MODULES,
    });
  });

  it('counts an export with keys the same, and shows the count on the single job too', async () => {
    const { counted } = await exportAndCount(false);
    expect(counted).toMatchObject({
      deviceCount: DEVICES,
      moduleCount: MODULES,
      excludeKeysInExport: false,
    });
    const single = (await (
      await stack.call('GET', `/api/jobs/${counted.jobId ?? ''}`, 'support')
    ).json()) as Job;
    expect(single).toMatchObject({ deviceCount: DEVICES, moduleCount: MODULES });
  });

  it('never logs a line of the export', () => {
    const logged = JSON.stringify(stack.logs);
    expect(logged).not.toContain('count-1');
    expect(logged).not.toContain('primaryKey');
  });
});
