import { BlockBlobClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../../src/contracts/api/errors';
import type { StartImportResponse } from '../../../src/contracts/api/imports';
import type { Job, JobListResponse } from '../../../src/contracts/api/jobs';
import { AZURITE_ACCOUNT } from '../../../src/dev-stack/azurite';
import {
  createHubJobsClient,
  type HubJob,
  type HubJobsClient,
} from '../../../src/proxy/hub/hub-jobs';
import { createOperationStorage } from '../../../src/proxy/storage/operation-storage';
import { createHubTransport } from '../../../src/proxy/hub/hub-transport';
import { createOutboundAgent } from '../../../src/proxy/http/outbound-agent';
import {
  startFaultForwarder,
  isMetadataWrite,
  type FaultForwarder,
} from './support/fault-forwarder';
import {
  createImport,
  createUploadedImport,
  deviceLines,
  waitForIdleHub,
} from './support/import-fixture';
import { startProxyStack, type ProxyStack } from './support/proxy-stack';
import { childProxyOptions, spawnProxy, type ProxyChild } from './support/spawn-proxy';

// docs/proxy.md#how-start-is-made-idempotent: a Start whose record of the hub job fails (a storage
// fault, or the proxy killed at that moment) must not leave a job that a second Start duplicates. A
// forwarder in front of Azurite's blob service fails or holds exactly the metadata write that
// records the job; the hub emulator's own job list then has to show one job for the operation.

let stack: ProxyStack;
let blob: FaultForwarder;
let table: FaultForwarder;
const children: ProxyChild[] = [];

beforeAll(async () => {
  blob = await startFaultForwarder();
  table = await startFaultForwarder();
  stack = await startProxyStack({
    storage: {
      accountName: AZURITE_ACCOUNT.name,
      accountKey: AZURITE_ACCOUNT.key,
      blobEndpoint: `${blob.url}/${AZURITE_ACCOUNT.name}`,
      tableEndpoint: `${table.url}/${AZURITE_ACCOUNT.name}`,
    },
  });
  blob.setTarget(stack.azurite.ports.blob);
  table.setTarget(stack.azurite.ports.table);
}, 120_000);

afterAll(async () => {
  for (const child of children) await child.kill();
  await stack?.close();
  await blob?.close();
  await table?.close();
});

const hubClient = (): HubJobsClient =>
  createHubJobsClient(
    createHubTransport({
      connectionString: stack.hub.connectionString,
      dispatcher: createOutboundAgent({ trustedCaPem: stack.tls.caCertPem }),
      now: () => new Date(),
    }),
  );

/** The hub emulator's own list, asked directly: what the hub really runs. */
const hubJobs = (): Promise<HubJob[]> => hubClient().listJobs();

/** The import jobs the hub has now that it did not have at `before`. */
async function newImportJobs(before: Set<string>): Promise<HubJob[]> {
  return (await hubJobs()).filter((job) => job.type === 'import' && !before.has(job.jobId));
}

const jobIdsNow = async (): Promise<Set<string>> =>
  new Set((await hubJobs()).map((job) => job.jobId));

async function start(baseUrl: string, operationId: string): Promise<Response> {
  return fetch(`${baseUrl}/api/imports/${operationId}/start`, {
    method: 'POST',
    headers: { authorization: (await stack.authority.authorization('admin')) ?? '' },
  });
}

async function waitForEnd(jobId: string): Promise<Job> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const job = (await (await stack.call('GET', `/api/jobs/${jobId}`, 'admin')).json()) as Job;
    if (['completed', 'failed', 'cancelled'].includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function errorLog(operationId: string): Promise<string> {
  const response = await stack.call('GET', `/api/jobs/${operationId}/files/errors`, 'admin');
  expect(response.status).toBe(200);
  return response.text();
}

describe('a start whose record of the hub job fails', () => {
  it('is adopted by the poll and the next start: one hub job, devices imported once', async () => {
    await waitForIdleHub(stack);
    const before = await jobIdsNow();
    const created = await createUploadedImport(stack, deviceLines('fault', 5), 'id\nfault-0');
    // The first metadata write of a start is its claim; the next one records the job id.
    let writes = 0;
    blob.decide((call) =>
      isMetadataWrite(call, created.operationId) && ++writes >= 2 ? 'fail' : 'pass',
    );
    const first = await stack.call('POST', `/api/imports/${created.operationId}/start`, 'admin');
    expect(first.status).toBe(502);
    // Storage's own refusal (403) is named in the details, so support can tell it from an outage.
    expect(((await first.json()) as ApiErrorBody).error).toMatchObject({
      code: 'STORAGE_ERROR',
      details: { storageStatus: 403 },
    });
    const [hubJob, ...others] = await newImportJobs(before);
    expect(hubJob).toBeDefined();
    expect(others).toEqual([]);
    blob.decide(() => 'pass');

    // The poll by operation id finds the job before anyone starts again.
    const polled = (await (
      await stack.call('GET', `/api/jobs/${created.operationId}`, 'admin')
    ).json()) as Job;
    expect(polled.jobId).toBe(hubJob?.jobId);

    for (let i = 0; i < 2; i++) {
      const again = await stack.call('POST', `/api/imports/${created.operationId}/start`, 'admin');
      expect(again.status).toBe(200);
      expect(((await again.json()) as StartImportResponse).job.jobId).toBe(hubJob?.jobId);
    }
    expect((await waitForEnd(hubJob?.jobId ?? '')).status).toBe('completed');
    expect(await newImportJobs(before)).toHaveLength(1);
    // Imported once: every line is a `create`, so a second job would log 409001 for each device.
    expect(await errorLog(created.operationId)).toBe('');
  });

  it('answers a repeated start of a started import with the same job (200)', async () => {
    await waitForIdleHub(stack);
    const before = await jobIdsNow();
    const created = await createUploadedImport(stack, deviceLines('repeat', 1), 'id\nrepeat-0');
    const first = (await (
      await stack.call('POST', `/api/imports/${created.operationId}/start`, 'admin')
    ).json()) as StartImportResponse;
    const again = await stack.call('POST', `/api/imports/${created.operationId}/start`, 'admin');
    expect(again.status).toBe(200);
    expect(((await again.json()) as StartImportResponse).job.jobId).toBe(first.job.jobId);
    expect(await newImportJobs(before)).toHaveLength(1);
  });
});

describe('a claimed start next to a job someone else started', () => {
  it('adopts its own job, never one the hub already had when it claimed', async () => {
    await waitForIdleHub(stack);
    // Another tool's import, straight at the hub, just before the console's start.
    const outside = await createImport(stack, deviceLines('outside', 1), 'id');
    const storage = createOperationStorage({
      accountName: stack.azurite.accountName,
      blobEndpoint: stack.azurite.blobEndpoint,
      auth: { kind: 'sharedKey', accountKey: stack.azurite.accountKey },
      now: () => new Date(),
    });
    await new BlockBlobClient(outside.uploads.devices.url).upload('{"id":"outside-0"}', 18);
    const foreign = await hubClient().createImportJob({
      inputBlobContainerUri: (await storage.hubContainerSas(outside.operationId, 'input', 1)).url,
      outputBlobContainerUri: (await storage.hubContainerSas(outside.operationId, 'output', 1)).url,
    });
    await waitForEnd(foreign.jobId);

    const before = await jobIdsNow();
    const created = await createUploadedImport(stack, deviceLines('beside', 2), 'id\nbeside-0');
    let writes = 0;
    blob.decide((call) =>
      isMetadataWrite(call, created.operationId) && ++writes >= 2 ? 'fail' : 'pass',
    );
    expect(
      (await stack.call('POST', `/api/imports/${created.operationId}/start`, 'admin')).status,
    ).toBe(502);
    blob.decide(() => 'pass');
    const [ours] = await newImportJobs(before);
    const again = await stack.call('POST', `/api/imports/${created.operationId}/start`, 'admin');
    expect(again.status).toBe(200);
    const { job } = (await again.json()) as StartImportResponse;
    expect(job.jobId).toBe(ours?.jobId);
    expect(job.jobId).not.toBe(foreign.jobId);
    await waitForEnd(job.jobId ?? '');
  });
});

describe('an export whose record of the hub job fails', () => {
  it('keeps its container and is adopted by the list: one hub job, shown with its id', async () => {
    await waitForIdleHub(stack);
    const before = await jobIdsNow();
    // An export's container is created with its metadata; the first metadata write records the job.
    blob.decide((call) => {
      const container = /\/(export-\d{8}-[a-z2-7]{10})$/.exec(
        new URL(call.path, 'http://forwarder').pathname,
      )?.[1];
      return container && isMetadataWrite(call, container) ? 'fail' : 'pass';
    });
    const response = await stack.call('POST', '/api/exports', 'admin', {
      excludeKeys: true,
      includeConfigurations: false,
    });
    expect(response.status).toBe(502);
    blob.decide(() => 'pass');
    const [hubJob, ...others] = (await hubJobs()).filter(
      (job) => job.type === 'export' && !before.has(job.jobId),
    );
    expect(hubJob).toBeDefined();
    expect(others).toEqual([]);

    const list = (await (await stack.call('GET', '/api/jobs', 'admin')).json()) as JobListResponse;
    const listed = list.jobs.filter((job) => job.jobId === hubJob?.jobId);
    expect(listed).toHaveLength(1);
    expect(listed[0]?.operationId).toMatch(/^export-/);
    expect((await waitForEnd(hubJob?.jobId ?? '')).status).toBe('completed');
  });
});

describe('a proxy killed between creating the hub job and recording it', () => {
  it('leaves a claim that the restarted proxy turns into the same job', async () => {
    await waitForIdleHub(stack);
    const before = await jobIdsNow();
    const created = await createUploadedImport(stack, deviceLines('killed', 5), 'id\nkilled-0');
    const options = childProxyOptions(stack, `${blob.url}/${AZURITE_ACCOUNT.name}`);
    const doomed = await spawnProxy(options);
    children.push(doomed);
    let writes = 0;
    blob.decide((call) =>
      isMetadataWrite(call, created.operationId) && ++writes >= 2 ? 'hold' : 'pass',
    );
    const held = blob.held();
    const first = start(doomed.url, created.operationId).catch((error: unknown) => error);
    await held;
    await doomed.kill();
    expect(await first).toBeInstanceOf(Error);
    blob.decide(() => 'pass');
    const [hubJob, ...others] = await newImportJobs(before);
    expect(hubJob).toBeDefined();
    expect(others).toEqual([]);

    // The claim outlives the killed proxy; no lease is left to wait out.
    const restarted = await spawnProxy(options);
    children.push(restarted);
    const again = await start(restarted.url, created.operationId);
    expect(again.status).toBe(200);
    expect(((await again.json()) as StartImportResponse).job.jobId).toBe(hubJob?.jobId);
    expect((await waitForEnd(hubJob?.jobId ?? '')).status).toBe('completed');
    expect(await newImportJobs(before)).toHaveLength(1);
    expect(await errorLog(created.operationId)).toBe('');
  }, 90_000);
});
