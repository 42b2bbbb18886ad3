import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../../../src/contracts/api/errors';
import type {
  CreateImportResponse,
  StartImportResponse,
} from '../../../../src/contracts/api/imports';
import type { Job } from '../../../../src/contracts/api/jobs';
import type { EnqueueResponse, QueueResponse } from '../../../../src/contracts/api/queue';
import {
  createImport,
  createUploadedImport,
  deviceLines,
  waitForIdleHub,
} from '../support/import-fixture';
import { startProxyStack, type ProxyStack } from '../support/proxy-stack';

// The durable queue against real Azurite queue and table services and the hub emulator: imports
// queued while a job holds the slot start one after the other in the order they were queued, a
// cancelled entry never starts, and what cannot start is refused when it is queued.

let stack: ProxyStack;

beforeAll(async () => {
  stack = await startProxyStack(
    { queueWorker: { pollMs: 100, holdSeconds: 1, leaseSeconds: 5 } },
    // 40 devices a second: the holder's 80 devices keep the slot for about two seconds.
    { paceDevicesPerSecond: 40 },
  );
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

const errorCode = async (response: Response): Promise<string> =>
  ((await response.json()) as ApiErrorBody).error.code;

async function enqueue(operationId: string): Promise<Response> {
  return stack.call('POST', `/api/imports/${operationId}/enqueue`, 'admin');
}

async function queueNow(): Promise<QueueResponse> {
  return (await (await stack.call('GET', '/api/queue', 'support')).json()) as QueueResponse;
}

async function waitForEmptyQueue(timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await queueNow()).entries.some((entry) => entry.state !== 'failed')) {
    if (Date.now() > deadline) throw new Error('the queue did not drain');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function jobOf(operationId: string): Promise<Job> {
  return (await (await stack.call('GET', `/api/jobs/${operationId}`, 'admin')).json()) as Job;
}

describe('imports queued behind a running job', () => {
  it('start in the order queued once the slot frees; a cancelled one never starts', async () => {
    await waitForIdleHub(stack);
    const holder = await createUploadedImport(stack, deviceLines('holder', 80), 'id\nholder-0');
    const started = (await (
      await stack.call('POST', `/api/imports/${holder.operationId}/start`, 'admin')
    ).json()) as StartImportResponse;
    const queued: { created: CreateImportResponse; entry: EnqueueResponse['entry'] }[] = [];
    for (const name of ['first', 'second', 'third']) {
      const created = await createUploadedImport(stack, deviceLines(name, 2), `id\n${name}-0`);
      const response = await enqueue(created.operationId);
      expect(response.status).toBe(200);
      queued.push({ created, entry: ((await response.json()) as EnqueueResponse).entry });
    }
    expect(queued.map(({ entry }) => entry.position)).toEqual([1, 2, 3]);

    const view = await queueNow();
    expect(view.holder).toMatchObject({
      jobId: started.job.jobId,
      operationId: holder.operationId,
    });
    expect(view.entries.map((entry) => entry.operationId)).toEqual(
      queued.map(({ created }) => created.operationId),
    );

    // The same import twice is refused, naming the entry it already has.
    const again = await enqueue(queued[0]?.created.operationId ?? '');
    expect(again.status).toBe(409);
    expect(await errorCode(again)).toBe('ALREADY_QUEUED');

    const cancelled = await stack.call('DELETE', `/api/queue/${queued[1]?.entry.entryId}`, 'admin');
    expect(cancelled.status).toBe(200);
    await waitForEmptyQueue();

    const first = await jobOf(queued[0]?.created.operationId ?? '');
    const third = await jobOf(queued[2]?.created.operationId ?? '');
    const second = await jobOf(queued[1]?.created.operationId ?? '');
    expect(second.jobId).toBeNull();
    expect(first.jobId).not.toBeNull();
    expect(third.jobId).not.toBeNull();
    const holderJob = await jobOf(holder.operationId);
    // One after the other: each started only once the one before it had ended.
    expect(Date.parse(first.startTimeUtc ?? '')).toBeGreaterThanOrEqual(
      Date.parse(holderJob.endTimeUtc ?? ''),
    );
    await waitForIdleHub(stack);
    const firstDone = await jobOf(queued[0]?.created.operationId ?? '');
    expect(Date.parse(third.startTimeUtc ?? '')).toBeGreaterThanOrEqual(
      Date.parse(firstDone.endTimeUtc ?? ''),
    );
    // The queued start is audited in the enqueuer's name, like a start from the page.
    expect(
      stack.logs.filter(
        (line) =>
          line.action === 'import.start' &&
          line.operationId === queued[0]?.created.operationId &&
          (line.details as { queued?: boolean } | undefined)?.queued === true,
      ),
    ).toHaveLength(1);
  }, 90_000);
});

describe('what cannot be queued', () => {
  it('refuses an import whose file was not uploaded, and a started one', async () => {
    const bare = await createImport(stack, deviceLines('bare', 1), 'id\nbare-0');
    const missing = await enqueue(bare.operationId);
    expect(missing.status).toBe(409);
    expect(await errorCode(missing)).toBe('UPLOAD_MISSING');

    await waitForIdleHub(stack);
    const done = await createUploadedImport(stack, deviceLines('done', 1), 'id\ndone-0');
    await stack.call('POST', `/api/imports/${done.operationId}/start`, 'admin');
    const started = await enqueue(done.operationId);
    expect(started.status).toBe(409);
    expect(await errorCode(started)).toBe('ALREADY_STARTED');

    const unknown = await enqueue('import-20260101-aaaaaaaaaa');
    expect(unknown.status).toBe(404);
    expect(await errorCode(unknown)).toBe('OPERATION_NOT_FOUND');
  });

  it('answers 404 QUEUE_ENTRY_NOT_FOUND for an entry nobody queued', async () => {
    for (const entryId of ['999999', 'abc', '0']) {
      const response = await stack.call('DELETE', `/api/queue/${entryId}`, 'admin');
      expect(response.status).toBe(404);
      expect(await errorCode(response)).toBe('QUEUE_ENTRY_NOT_FOUND');
    }
  });
});
