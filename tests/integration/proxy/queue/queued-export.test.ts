import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StartImportResponse } from '../../../../src/contracts/api/imports';
import type { Job } from '../../../../src/contracts/api/jobs';
import type { EnqueueResponse, QueueResponse } from '../../../../src/contracts/api/queue';
import { AZURITE_ACCOUNT } from '../../../../src/dev-stack/azurite';
import { createHubJobsClient, type HubJob } from '../../../../src/proxy/hub/hub-jobs';
import { createHubTransport } from '../../../../src/proxy/hub/hub-transport';
import { createOutboundAgent } from '../../../../src/proxy/http/outbound-agent';
import { startFaultForwarder, type FaultForwarder } from '../support/fault-forwarder';
import { createUploadedImport, deviceLines, waitForIdleHub } from '../support/import-fixture';
import { startProxyStack, type ProxyStack } from '../support/proxy-stack';
import { childProxyOptions, spawnProxy, type ProxyChild } from '../support/spawn-proxy';

// Queued exports (docs/proxy.md, "Queue and monitor"): an export queued behind a running import
// starts after it, and exactly once even when the proxy starting it is SIGKILLed after the hub
// created the job and before the proxy recorded it; the next proxy adopts that job.

const WORKER = { pollMs: 100, holdSeconds: 1, leaseSeconds: 3, orphanAfterMs: 10_000 };

let stack: ProxyStack;
let blob: FaultForwarder;
const children: ProxyChild[] = [];

beforeAll(async () => {
  blob = await startFaultForwarder();
  // The stack's own proxy starts the holder and answers reads; only the children run the queue.
  stack = await startProxyStack(
    { queueWorker: { enabled: false } },
    // 40 devices a second: the holder's 80 devices keep the slot for about two seconds.
    { paceDevicesPerSecond: 40 },
  );
  blob.setTarget(stack.azurite.ports.blob);
}, 120_000);

afterAll(async () => {
  for (const child of children) await child.kill();
  await stack?.close();
  await blob?.close();
});

const hubJobs = (): Promise<HubJob[]> =>
  createHubJobsClient(
    createHubTransport({
      connectionString: stack.hub.connectionString,
      dispatcher: createOutboundAgent({ trustedCaPem: stack.tls.caCertPem }),
      now: () => new Date(),
    }),
  ).listJobs();

async function call(baseUrl: string, method: string, pathName: string, body?: unknown) {
  return fetch(`${baseUrl}${pathName}`, {
    method,
    headers: {
      authorization: (await stack.authority.authorization('admin')) ?? '',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** A metadata write to an export's container: `PUT /<account>/<container>?restype=container&comp=metadata`. */
function exportContainerOf(path: string): string | undefined {
  const url = new URL(path, 'http://forwarder');
  if (url.searchParams.get('comp') !== 'metadata') return undefined;
  return /\/(export-\d{8}-[a-z2-7]{10})$/.exec(url.pathname)?.[1];
}

async function queueNow(): Promise<QueueResponse> {
  return (await (await stack.call('GET', '/api/queue', 'support')).json()) as QueueResponse;
}

describe('queueing an export', () => {
  // Before any child proxy runs, so no worker starts it while it is cancelled.
  it('is for admins only, and a cancelled one leaves no operation behind', async () => {
    const bySupport = await stack.call('POST', '/api/exports/enqueue', 'support', {
      excludeKeys: true,
    });
    expect(bySupport.status).toBe(403);
    const queued = await stack.call('POST', '/api/exports/enqueue', 'admin', { excludeKeys: true });
    expect(queued.status).toBe(200);
    const { entry } = (await queued.json()) as EnqueueResponse;
    expect((await stack.call('GET', `/api/jobs/${entry.operationId}`, 'admin')).status).toBe(200);
    const cancelled = await stack.call('DELETE', `/api/queue/${entry.entryId}`, 'admin');
    expect(cancelled.status).toBe(200);
    expect((await stack.call('GET', `/api/jobs/${entry.operationId}`, 'admin')).status).toBe(404);
  }, 60_000);
});

describe('an export queued behind a running import', () => {
  it('starts after it, exactly once, though the proxy starting it is killed mid-start', async () => {
    await waitForIdleHub(stack);
    const before = new Set((await hubJobs()).map((job) => job.jobId));
    // Proxy A reaches blob storage through the forwarder, which holds A's record of the export's
    // job: the first metadata write to the export's container is the claim, the second the record.
    const a = await spawnProxy({
      ...childProxyOptions(stack, `${blob.url}/${AZURITE_ACCOUNT.name}`),
      queueWorker: WORKER,
    });
    children.push(a);
    const writes = new Map<string, number>();
    blob.decide((request) => {
      const container = request.method === 'PUT' ? exportContainerOf(request.path) : undefined;
      if (!container) return 'pass';
      const n = (writes.get(container) ?? 0) + 1;
      writes.set(container, n);
      return n >= 2 ? 'hold' : 'pass';
    });
    const held = blob.held();

    const holder = await createUploadedImport(stack, deviceLines('xholder', 80), 'id\nxholder-0');
    const importJob = (await (
      await stack.call('POST', `/api/imports/${holder.operationId}/start`, 'admin')
    ).json()) as StartImportResponse;
    const queued = await call(a.url, 'POST', '/api/exports/enqueue', {
      excludeKeys: true,
      label: 'after the import',
    });
    expect(queued.status).toBe(200);
    const { entry } = (await queued.json()) as EnqueueResponse;
    expect(entry).toMatchObject({ kind: 'export', state: 'queued', position: 1 });
    // It has its operation before any hub job: the list shows it, not yet started.
    const waiting = (await (
      await stack.call('GET', `/api/jobs/${entry.operationId}`, 'admin')
    ).json()) as Job;
    expect(waiting).toMatchObject({ operationId: entry.operationId, jobId: null });

    await held;
    expect(writes.get(entry.operationId)).toBe(2);
    await a.kill();
    blob.decide(() => 'pass');
    // B takes over once A's lease has run out, finds A's claim and adopts the job A created.
    const b = await spawnProxy({
      ...childProxyOptions(stack, stack.azurite.blobEndpoint),
      queueWorker: WORKER,
    });
    children.push(b);

    const deadline = Date.now() + 60_000;
    for (;;) {
      const view = await queueNow();
      if (view.entries.length === 0) break;
      expect(view.entries.filter((candidate) => candidate.state === 'failed')).toEqual([]);
      if (Date.now() > deadline) throw new Error('the export is still queued');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await waitForIdleHub(stack);

    const ours = (await hubJobs()).filter((job) => !before.has(job.jobId));
    const exports = ours.filter((job) => job.type === 'export');
    // Exactly once: one export job for the one queued export.
    expect(exports).toHaveLength(1);
    const [hubExport] = exports;
    const hubImport = ours.find((job) => job.jobId === importJob.job.jobId);
    // After the import: the export started once the import had ended.
    expect(Date.parse(hubExport?.startTimeUtc ?? '')).toBeGreaterThanOrEqual(
      Date.parse(hubImport?.endTimeUtc ?? ''),
    );
    const job = (await (await call(b.url, 'GET', `/api/jobs/${entry.operationId}`)).json()) as Job;
    expect(job).toMatchObject({
      jobId: hubExport?.jobId,
      status: 'completed',
      label: 'after the import',
    });
  }, 120_000);
});
