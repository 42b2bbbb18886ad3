import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateImportResponse } from '../../../../src/contracts/api/imports';
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

// Several proxies (docs/deploy.md, "Running several proxies"): two proxy processes share one hub's queue on the same Azurite and emulator.
// Twenty imports are queued through both at once; one proxy is SIGKILLed in the middle of starting
// an entry (the hub has created the job, the proxy's record of it is held); every import must then
// run exactly once, in the order it was queued, as the emulator's own job list shows.

const COUNT = 20;
const WORKER = { pollMs: 100, holdSeconds: 1, leaseSeconds: 3, orphanAfterMs: 10_000 };

let stack: ProxyStack;
let blob: FaultForwarder;
const children: ProxyChild[] = [];

beforeAll(async () => {
  blob = await startFaultForwarder();
  // The stack's own proxy only creates and uploads; the two children do the queue's work.
  stack = await startProxyStack({ queueWorker: { enabled: false } });
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

async function call(baseUrl: string, method: string, pathName: string): Promise<Response> {
  return fetch(`${baseUrl}${pathName}`, {
    method,
    headers: { authorization: (await stack.authority.authorization('admin')) ?? '' },
  });
}

/** A metadata write to an import's container: `PUT /<account>/<container>?restype=container&comp=metadata`. */
function importContainerOf(path: string): string | undefined {
  const url = new URL(path, 'http://forwarder');
  if (url.searchParams.get('comp') !== 'metadata') return undefined;
  return /\/(import-\d{8}-[a-z2-7]{10})$/.exec(url.pathname)?.[1];
}

describe('two proxies sharing the queue, one killed mid-start', () => {
  it('run every queued import exactly once, in the order queued', async () => {
    await waitForIdleHub(stack);
    const before = new Set((await hubJobs()).map((job) => job.jobId));
    // Proxy A reaches blob storage through the forwarder; B directly.
    const a = await spawnProxy({
      ...childProxyOptions(stack, `${blob.url}/${AZURITE_ACCOUNT.name}`),
      queueWorker: WORKER,
    });
    children.push(a);
    const b = await spawnProxy({
      ...childProxyOptions(stack, stack.azurite.blobEndpoint),
      queueWorker: WORKER,
    });
    children.push(b);

    // A start's first metadata write is its claim, the second records the job: A is held there,
    // after the hub created the job, the first time A starts an entry.
    const writes = new Map<string, number>();
    let holding = true;
    blob.decide((call) => {
      const container = call.method === 'PUT' ? importContainerOf(call.path) : undefined;
      if (!container || !holding) return 'pass';
      const n = (writes.get(container) ?? 0) + 1;
      writes.set(container, n);
      return n >= 2 ? 'hold' : 'pass';
    });
    const held = blob.held();

    const created: CreateImportResponse[] = [];
    for (let i = 0; i < COUNT; i++)
      created.push(await createUploadedImport(stack, deviceLines(`q${i}`, 2), `id\nq${i}-0`));
    // Queued from both proxies at once, two at a time.
    const entries = new Map<string, number>();
    for (let i = 0; i < COUNT; i += 2) {
      const pair = [created[i], created[i + 1]];
      const answers = await Promise.all(
        pair.map((operation, k) =>
          call(k === 0 ? a.url : b.url, 'POST', `/api/imports/${operation?.operationId}/enqueue`),
        ),
      );
      for (const [k, answer] of answers.entries()) {
        expect(answer.status).toBe(200);
        const { entry } = (await answer.json()) as EnqueueResponse;
        entries.set(pair[k]?.operationId ?? '', Number(entry.entryId));
      }
    }

    await held;
    await a.kill();
    holding = false;
    blob.decide(() => 'pass');

    const deadline = Date.now() + 60_000;
    for (;;) {
      const view = (await (await call(b.url, 'GET', '/api/queue')).json()) as QueueResponse;
      if (view.entries.length === 0) break;
      expect(view.entries.filter((entry) => entry.state === 'failed')).toEqual([]);
      if (Date.now() > deadline) throw new Error(`${view.entries.length} entries still queued`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await waitForIdleHub(stack);

    const ours = (await hubJobs()).filter((job) => job.type === 'import' && !before.has(job.jobId));
    // Exactly once: one hub job per import, and no more jobs than imports.
    expect(ours).toHaveLength(COUNT);
    const operationOfJob = new Map<string, string>();
    for (const operation of created) {
      const job = (await (
        await call(b.url, 'GET', `/api/jobs/${operation.operationId}`)
      ).json()) as Job;
      expect(job.status).toBe('completed');
      operationOfJob.set(job.jobId ?? '', operation.operationId);
    }
    expect(new Set(operationOfJob.keys()).size).toBe(COUNT);
    // In order: the hub started the jobs in the order of the entries' sequence numbers.
    const byStart = [...ours].sort(
      (x, y) => Date.parse(x.startTimeUtc ?? '') - Date.parse(y.startTimeUtc ?? ''),
    );
    const sequence = byStart.map((job) => entries.get(operationOfJob.get(job.jobId) ?? '') ?? 0);
    expect(sequence).toEqual([...sequence].sort((x, y) => x - y));
  }, 120_000);
});
