import { BlockBlobClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../../../src/contracts/api/errors';
import type { Job, JobListResponse } from '../../../../src/contracts/api/jobs';
import { createOutboundAgent } from '../../../../src/proxy/http/outbound-agent';
import { createHubJobsClient } from '../../../../src/proxy/hub/hub-jobs';
import { createHubTransport } from '../../../../src/proxy/hub/hub-transport';
import { newOperationId } from '../../../../src/proxy/storage/operation-names';
import { createOperationStorage } from '../../../../src/proxy/storage/operation-storage';
import { createImport, deviceLines, waitForIdleHub } from '../support/import-fixture';
import { startProxyStack, type ProxyStack } from '../support/proxy-stack';

// GET /api/jobs through the proxy: pages of the operations index, newest first, with a continuation
// token; the hub's slot holder shown on the first page even when the console did not start it.

let stack: ProxyStack;

beforeAll(async () => {
  // A slow hub, so a job started behind the console's back is still running when the list is read.
  stack = await startProxyStack({}, { paceDevicesPerSecond: 20 });
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

async function list(query: string): Promise<{ status: number; body: unknown }> {
  const response = await stack.call('GET', `/api/jobs${query}`, 'support');
  return { status: response.status, body: await response.json() };
}

describe('the paged jobs list', () => {
  it('returns every operation once, newest first, a page of `limit` at a time', async () => {
    const created: string[] = [];
    for (let i = 0; i < 5; i++)
      created.push((await createImport(stack, '{"id":"d"}\n', 'id\nd\n')).operationId);

    const seen: Job[] = [];
    let continuation: string | null = null;
    let pages = 0;
    do {
      const query: string = `?limit=2${continuation ? `&continuation=${encodeURIComponent(continuation)}` : ''}`;
      const { status, body } = await list(query);
      expect(status).toBe(200);
      const page = body as JobListResponse;
      expect(page.jobs.length).toBeLessThanOrEqual(2);
      seen.push(...page.jobs);
      continuation = page.continuation;
      pages++;
    } while (continuation && pages < 10);

    const ours = seen.map((job) => job.operationId).filter((id) => id && created.includes(id));
    expect(ours).toEqual([...created].reverse());
    expect(new Set(seen.map((job) => job.operationId)).size).toBe(seen.length);
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it('answers 50 by default', async () => {
    const { status, body } = await list('');
    expect(status).toBe(200);
    expect((body as JobListResponse).jobs.length).toBeLessThanOrEqual(50);
  });

  it.each([
    ['a limit of 0', '?limit=0'],
    ['a limit over 200', '?limit=201'],
    ['a limit that is not a number', '?limit=ten'],
    ['a forged continuation token', '?continuation=bm90LWEtdG9rZW4'],
    ['a continuation token with bad characters', '?continuation=%00%01'],
  ])('refuses %s with 400 VALIDATION_FAILED', async (_name, query) => {
    const { status, body } = await list(query);
    expect(status).toBe(400);
    expect((body as ApiErrorBody).error.code).toBe('VALIDATION_FAILED');
  });

  it('polls an operation that has not started by its operation id', async () => {
    const { operationId } = await createImport(stack, '{"id":"p"}\n', 'id\np\n');
    const response = await stack.call('GET', `/api/jobs/${operationId}`, 'support');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ operationId, status: 'unknown', jobId: null });
  });

  it('shows the job holding the hub slot on the first page when the console did not start it', async () => {
    await waitForIdleHub(stack);
    // A container the console never indexed, and a hub job created straight at the hub.
    const containers = createOperationStorage({
      accountName: stack.azurite.accountName,
      blobEndpoint: stack.azurite.blobEndpoint,
      auth: { kind: 'sharedKey', accountKey: stack.azurite.accountKey },
      now: () => new Date(),
    });
    const outside = newOperationId('import', new Date());
    await containers.createOperation(outside, {
      kind: 'import',
      createdAt: new Date().toISOString(),
      createdByName: 'a script',
      createdByOid: 'oid-script',
    });
    const devices = deviceLines('outside', 400);
    const input = await containers.hubContainerSas(outside, 'input', 1);
    const output = await containers.hubContainerSas(outside, 'output', 1);
    await new BlockBlobClient((await containers.uploadSas(outside, 'devices.txt', 5)).url).upload(
      devices,
      Buffer.byteLength(devices),
    );
    const agent = createOutboundAgent({ trustedCaPem: stack.tls.caCertPem });
    const hub = createHubJobsClient(
      createHubTransport({
        connectionString: stack.hub.connectionString,
        dispatcher: agent,
        now: () => new Date(),
      }),
    );
    const job = await hub.createImportJob({
      inputBlobContainerUri: input.url,
      outputBlobContainerUri: output.url,
    });
    try {
      const first = (await list('?limit=1')).body as JobListResponse;
      expect(first.jobs[0]).toMatchObject({ jobId: job.jobId, operationId: null });
      if (first.continuation) {
        const second = (await list(`?limit=1&continuation=${first.continuation}`))
          .body as JobListResponse;
        expect(second.jobs.map((j) => j.jobId)).not.toContain(job.jobId);
      }
    } finally {
      await hub.cancelJob(job.jobId).catch(() => undefined);
      await agent.close();
    }
  });
});
