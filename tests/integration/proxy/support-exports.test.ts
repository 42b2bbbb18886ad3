import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../../src/contracts/api/errors';
import {
  createImport,
  createUploadedImport,
  deviceLines,
  waitForIdleHub,
} from './support/import-fixture';
import { startProxyStack, type ProxyStack } from './support/proxy-stack';
import { ROLE_NAMES } from './support/test-authority';

// Support staff may hold the hub's only job slot only when the deployment allows it, at most once
// per interval per hub, and never while an admin operation is waiting for the slot.

const errorOf = async (response: Response): Promise<ApiErrorBody['error']> =>
  ((await response.json()) as ApiErrorBody).error;

const supportExport = async (stack: ProxyStack, oid = 'oid-support'): Promise<Response> =>
  fetch(`${stack.url}/api/exports`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await stack.authority.token({ roles: [ROLE_NAMES.support], oid })}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ excludeKeys: true }),
  });

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('support exports by default', () => {
  let stack: ProxyStack;
  beforeAll(async () => {
    stack = await startProxyStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('are refused with 403 SUPPORT_EXPORTS_DISABLED, while an admin still exports', async () => {
    const refused = await supportExport(stack);
    expect([refused.status, (await errorOf(refused)).code]).toEqual([
      403,
      'SUPPORT_EXPORTS_DISABLED',
    ]);
    const audit = stack.logs.find((entry) => entry.action === 'export.start');
    expect(audit).toMatchObject({
      result: 'failed',
      details: { code: 'SUPPORT_EXPORTS_DISABLED' },
    });
    expect((await stack.call('POST', '/api/exports', 'admin', { excludeKeys: true })).status).toBe(
      200,
    );
    await waitForIdleHub(stack);
  });
});

describe('support exports when turned on', () => {
  const INTERVAL_SECONDS = 15;
  let stack: ProxyStack;
  beforeAll(async () => {
    stack = await startProxyStack(
      {
        supportExports: { enabled: true, intervalSeconds: INTERVAL_SECONDS, adminGraceSeconds: 4 },
      },
      { paceDevicesPerSecond: 5 },
    );
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('wait while an admin uploads an import, then while its job runs', async () => {
    const created = await createUploadedImport(stack, deviceLines('support-gate', 10), 'id\na');
    const uploading = await supportExport(stack);
    const pending = await errorOf(uploading);
    expect([uploading.status, pending.code]).toEqual([409, 'ADMIN_OPERATION_PENDING']);
    expect(pending.details).toEqual({ pendingOperationId: created.operationId });

    const started = await stack.call('POST', `/api/imports/${created.operationId}/start`, 'admin');
    expect(started.status).toBe(200);
    const running = await supportExport(stack);
    const busy = await errorOf(running);
    expect([running.status, busy.code]).toEqual([409, 'ADMIN_OPERATION_PENDING']);
    expect(busy.details?.activeJobId).toEqual(expect.any(String));
    await waitForIdleHub(stack);
  });

  it('no longer wait for an import left unstarted beyond the grace period', async () => {
    await createImport(stack, deviceLines('support-abandoned', 1), 'id\na');
    expect((await supportExport(stack)).status).toBe(409);
    await sleep(4_500);
    const response = await supportExport(stack);
    expect(response.status).toBe(200);
    await waitForIdleHub(stack);
  });

  it('run at most one per interval per hub, whoever asks, and admins are not held back', async () => {
    const again = await supportExport(stack, 'oid-support-2');
    const error = await errorOf(again);
    expect([again.status, error.code]).toEqual([429, 'SUPPORT_EXPORT_TOO_SOON']);
    const retryAfter = Number(again.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(INTERVAL_SECONDS);
    expect(error.details?.retryAfterSeconds).toBe(retryAfter);

    expect((await stack.call('POST', '/api/exports', 'admin', { excludeKeys: true })).status).toBe(
      200,
    );
    await waitForIdleHub(stack);

    await sleep(retryAfter * 1000 + 500);
    expect((await supportExport(stack, 'oid-support-2')).status).toBe(200);
    await waitForIdleHub(stack);
  });
});
