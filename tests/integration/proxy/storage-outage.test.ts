import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../../src/contracts/api/errors';
import { AZURITE_ACCOUNT } from '../../../src/dev-stack/azurite';
import { startBlackHoleForwarder, type BlackHoleForwarder } from './support/black-hole-forwarder';
import { createImport } from './support/import-fixture';
import { startProxyStack, type ProxyStack } from './support/proxy-stack';

// Storage that stops answering: forwarders in front of Azurite's blob and table services swallow
// every byte. A call must fail in seconds, the log must say which call failed and why, and
// /readyz must name what is down while /healthz stays up.

let stack: ProxyStack;
let blob: BlackHoleForwarder;
let table: BlackHoleForwarder;
let operationId: string;

beforeAll(async () => {
  blob = await startBlackHoleForwarder();
  table = await startBlackHoleForwarder();
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
  operationId = (await createImport(stack, '{"id":"d"}\n', 'id\nd\n')).operationId;
}, 60_000);

afterAll(async () => {
  await stack?.close();
  await blob?.close();
  await table?.close();
});

const readyz = async (): Promise<{ status: number; failed?: unknown; code?: string }> => {
  const response = await fetch(`${stack.url}/readyz`);
  const body = (await response.json()) as Partial<ApiErrorBody> & { status?: string };
  return { status: response.status, failed: body.error?.details?.failed, code: body.error?.code };
};

/** Waits out the readiness probe's reuse of its last result. */
const afterReuse = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 2_100));

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

describe('a storage outage', () => {
  it('finds everything ready while storage, table and hub answer', async () => {
    const response = await fetch(`${stack.url}/readyz`);
    expect([response.status, await response.json()]).toEqual([200, { status: 'ready' }]);
  });

  it('fails a poll within seconds when the table service swallows requests, and logs why', async () => {
    table.blackHole(true);
    try {
      const before = stack.logs.length;
      const { value: response, ms } = await timed(() =>
        stack.call('GET', `/api/jobs/${operationId}`, 'support'),
      );
      expect(ms).toBeLessThan(8_000);
      expect(response.status).toBeGreaterThanOrEqual(500);
      expect(((await response.json()) as ApiErrorBody).error.code).toBe('STORAGE_ERROR');
      const failure = stack.logs.slice(before).find((entry) => entry.msg === 'storage call failed');
      expect(failure).toMatchObject({ level: 'warn', service: 'table', code: 'TIMEOUT' });
      expect(failure?.call).toMatch(/^GET \/devstoreaccount1\/operations\(/);
      const text = JSON.stringify(stack.logs.slice(before));
      expect(text).not.toContain(AZURITE_ACCOUNT.key);
      expect(text).not.toMatch(/sig=|SharedKey|authorization/i);
    } finally {
      table.blackHole(false);
    }
  });

  it('answers /readyz with 503 NOT_READY naming only what is down, and /healthz stays 200', async () => {
    await afterReuse();
    blob.blackHole(true);
    try {
      const { value, ms } = await timed(readyz);
      expect(ms).toBeLessThan(8_000);
      expect(value).toEqual({ status: 503, failed: ['storage'], code: 'NOT_READY' });
      expect((await fetch(`${stack.url}/healthz`)).status).toBe(200);
      expect(
        stack.logs.some(
          (entry) => entry.msg === 'readiness check failed' && entry.check === 'storage',
        ),
      ).toBe(true);

      await afterReuse();
      table.blackHole(true);
      expect(await readyz()).toEqual({
        status: 503,
        failed: ['storage', 'table'],
        code: 'NOT_READY',
      });
    } finally {
      blob.blackHole(false);
      table.blackHole(false);
    }
    await afterReuse();
    expect((await readyz()).status).toBe(200);
  });

  it('names the hub when the hub is gone', async () => {
    await stack.hub.close();
    await afterReuse();
    expect(await readyz()).toEqual({ status: 503, failed: ['hub'], code: 'NOT_READY' });
  });
});
