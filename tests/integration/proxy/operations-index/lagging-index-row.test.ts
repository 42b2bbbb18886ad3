import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StartImportResponse } from '../../../../src/contracts/api/imports';
import type { Job } from '../../../../src/contracts/api/jobs';
import { createOperationsIndex } from '../../../../src/proxy/operations-index/operations-index';
import { createOperationStorage } from '../../../../src/proxy/storage/operation-storage';
import { createUploadedImport, deviceLines } from '../support/import-fixture';
import { startProxyStack, type ProxyStack } from '../support/proxy-stack';

// The index is a copy; the container is the record. When a poll reads an index row that lags
// behind its container, the proxy repairs the row and never writes the stale copy back.

let stack: ProxyStack;
beforeAll(async () => {
  stack = await startProxyStack();
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

async function pollUntilSettled(jobId: string): Promise<Job> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const job = (await (await stack.call('GET', `/api/jobs/${jobId}`, 'support')).json()) as Job;
    // Settled means the error lines are counted too: that count is the last write the proxy makes
    // to the container on its own, and this test writes the container after it.
    const ended = job.status === 'completed' || job.status === 'failed';
    if (ended && job.errorLineCount !== null) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('an index row that lags behind its container', () => {
  it('is brought up to date by a poll, and the container keeps its newer facts', async () => {
    const devices = deviceLines('lag', 3);
    const created = await createUploadedImport(stack, devices, 'id\nlag-0\n');
    const started = (await (
      await stack.call('POST', `/api/imports/${created.operationId}/start`, 'admin')
    ).json()) as StartImportResponse;
    const jobId = started.job.jobId ?? '';
    await pollUntilSettled(jobId);

    const auth = { kind: 'sharedKey' as const, accountKey: stack.azurite.accountKey };
    const containers = createOperationStorage({
      accountName: stack.azurite.accountName,
      blobEndpoint: stack.azurite.blobEndpoint,
      auth,
      now: () => new Date(),
    });
    const index = createOperationsIndex({
      accountName: stack.azurite.accountName,
      tableEndpoint: stack.azurite.tableEndpoint,
      auth,
      hubHostName: stack.hub.hostName,
    });
    const recorded = await containers.readOperation(created.operationId);
    expect(recorded?.finalStatus).toBe('completed');
    // The container learns something new; the index row is an older copy, from before the end.
    const newer = { ...recorded!, label: 'added later' };
    await containers.writeOperation(created.operationId, newer);
    const { finalStatus: _f, jobEndedAt: _e, ...stale } = recorded!;
    await index.put({ operationId: created.operationId, metadata: stale });

    const polled = await stack.call('GET', `/api/jobs/${jobId}`, 'support');
    expect(polled.status).toBe(200);

    expect(await containers.readOperation(created.operationId)).toEqual(newer);
    expect((await index.byJobId(jobId))?.metadata).toEqual(newer);
  });
});
