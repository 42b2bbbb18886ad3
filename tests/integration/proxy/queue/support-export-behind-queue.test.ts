import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../../../src/contracts/api/errors';
import type { EnqueueResponse } from '../../../../src/contracts/api/queue';
import { createUploadedImport, deviceLines, waitForIdleHub } from '../support/import-fixture';
import { startProxyStack, type ProxyStack } from '../support/proxy-stack';

// A support export must never take the slot from an admin: an import waiting in the queue holds
// it back like a running job does, even when its upload is older than the grace period. The
// worker is off so the entry stays waiting while the hub is idle.

let stack: ProxyStack;

beforeAll(async () => {
  stack = await startProxyStack({
    queueWorker: { enabled: false },
    supportExports: { enabled: true, intervalSeconds: 1, adminGraceSeconds: 0 },
  });
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

const supportExport = (): Promise<Response> =>
  stack.call('POST', '/api/exports', 'support', { excludeKeys: true });

describe('a support export while an admin import is queued', () => {
  it('is refused naming the queued import, and allowed once the entry has left', async () => {
    await waitForIdleHub(stack);
    const created = await createUploadedImport(stack, deviceLines('held', 1), 'id\nheld-0');
    const queued = await stack.call('POST', `/api/imports/${created.operationId}/enqueue`, 'admin');
    const { entry } = (await queued.json()) as EnqueueResponse;

    const refused = await supportExport();
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as ApiErrorBody;
    expect(body.error.code).toBe('ADMIN_OPERATION_PENDING');
    expect(body.error.details?.pendingOperationId).toBe(created.operationId);

    await stack.call('DELETE', `/api/queue/${entry.entryId}`, 'admin');
    const allowed = await supportExport();
    expect(allowed.status).toBe(200);
    await waitForIdleHub(stack);
  });
});
