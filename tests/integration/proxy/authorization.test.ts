import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateExportResponse } from '../../../src/contracts/api/exports';
import { API_ROUTES } from '../../../src/contracts/api/openapi-routes';
import {
  createUploadedImport,
  deviceLines,
  importRequestFor,
  waitForIdleHub,
} from './support/import-fixture';
import { startProxyStack, type ProxyStack } from './support/proxy-stack';
import type { TokenVariant } from './support/test-authority';

// Every authenticated route x every kind of caller, against real servers. The table is checked
// against API_ROUTES so a route added to the contract cannot skip this matrix.

const REJECTED: TokenVariant[] = [
  'anonymous',
  'malformed',
  'expired',
  'not-yet-valid',
  'wrong-issuer',
  'wrong-audience',
  'bad-signature',
  'alg-none',
  'other-client',
];

interface Case {
  method: string;
  path: string;
  /**
   * Builds the concrete path and body; called once per request because some calls consume state.
   */
  request(variant: TokenVariant): Promise<{ path: string; body?: unknown }>;
  support: number;
  /** The code of a support 403 when it is not FORBIDDEN. */
  supportCode?: string;
  admin: number;
}

let stack: ProxyStack;
let exportJobId: string;

beforeAll(async () => {
  stack = await startProxyStack();
  const response = await stack.call('POST', '/api/exports', 'admin', { excludeKeys: true });
  exportJobId = ((await response.json()) as CreateExportResponse).job.jobId ?? '';
  await waitForIdleHub(stack);
});

afterAll(async () => {
  await stack?.close();
});

const importBody = importRequestFor('{"id":"x","importMode":"create"}', 'id\nx');
// Only an admin's start consumes the operation; everyone else is refused before anything is read.
const freshStart = async (variant: TokenVariant): Promise<{ path: string }> => {
  if (variant !== 'admin') return { path: '/api/imports/import-20260101-aaaaaaaaaa/start' };
  await waitForIdleHub(stack);
  const created = await createUploadedImport(
    stack,
    deviceLines(`authz-${Date.now()}`, 2),
    'id\na\nb',
  );
  return { path: `/api/imports/${created.operationId}/start` };
};

// Only an admin's enqueue queues anything; the worker then starts it as the slot frees.
const freshEnqueue = async (variant: TokenVariant): Promise<{ path: string }> => {
  if (variant !== 'admin') return { path: '/api/imports/import-20260101-aaaaaaaaaa/enqueue' };
  const created = await createUploadedImport(stack, deviceLines(`authq-${Date.now()}`, 1), 'id\na');
  return { path: `/api/imports/${created.operationId}/enqueue` };
};

// Only an admin's split makes a run; its chunks are queued and start as the slot frees.
const freshChunks = async (variant: TokenVariant): Promise<{ path: string; body: unknown }> => {
  const body = { chunkSize: 1, stopPercent: 100 };
  if (variant !== 'admin') return { path: '/api/imports/import-20260101-aaaaaaaaaa/chunks', body };
  const created = await createUploadedImport(stack, deviceLines(`authc-${Date.now()}`, 2), 'id\na');
  return { path: `/api/imports/${created.operationId}/chunks`, body };
};

const CASES: Case[] = [
  {
    method: 'GET',
    path: '/api/me',
    request: async () => ({ path: '/api/me' }),
    support: 200,
    admin: 200,
  },
  {
    method: 'GET',
    path: '/api/hubs',
    request: async () => ({ path: '/api/hubs' }),
    support: 200,
    admin: 200,
  },
  {
    method: 'GET',
    path: '/api/hub',
    request: async () => ({ path: '/api/hub' }),
    support: 200,
    admin: 200,
  },
  {
    method: 'GET',
    path: '/api/setup-check',
    request: async () => ({ path: '/api/setup-check' }),
    support: 403,
    admin: 200,
  },
  {
    method: 'GET',
    path: '/api/hub/counts',
    request: async () => ({ path: '/api/hub/counts' }),
    support: 200,
    admin: 200,
  },
  {
    method: 'POST',
    path: '/api/imports',
    request: async () => ({ path: '/api/imports', body: importBody }),
    support: 403,
    admin: 200,
  },
  {
    method: 'POST',
    path: '/api/imports/{operationId}/start',
    request: freshStart,
    support: 403,
    admin: 200,
  },
  {
    method: 'POST',
    path: '/api/imports/{operationId}/enqueue',
    request: freshEnqueue,
    support: 403,
    admin: 200,
  },
  {
    method: 'GET',
    path: '/api/queue',
    request: async () => ({ path: '/api/queue' }),
    support: 200,
    admin: 200,
  },
  // No such entry: an admin is refused on the merits (404), support on identity (403).
  {
    method: 'DELETE',
    path: '/api/queue/{entryId}',
    request: async () => ({ path: '/api/queue/999999' }),
    support: 403,
    admin: 404,
  },
  {
    method: 'POST',
    path: '/api/exports',
    request: async (variant) => {
      if (variant === 'admin' || variant === 'support') await waitForIdleHub(stack);
      return { path: '/api/exports', body: { excludeKeys: true } };
    },
    // Support exports are off unless the deployment turns them on (support-exports.test.ts).
    support: 403,
    supportCode: 'SUPPORT_EXPORTS_DISABLED',
    admin: 200,
  },
  {
    method: 'GET',
    path: '/api/jobs',
    request: async () => ({ path: '/api/jobs' }),
    support: 200,
    admin: 200,
  },
  {
    method: 'GET',
    path: '/api/jobs/{jobId}',
    request: async () => ({ path: `/api/jobs/${exportJobId}` }),
    support: 200,
    admin: 200,
  },
  {
    method: 'GET',
    path: '/api/jobs/{jobId}/command',
    request: async () => ({ path: `/api/jobs/${exportJobId}/command` }),
    support: 200,
    admin: 200,
  },
  // The export has completed, so an admin's cancel is refused on the merits (409), not on identity.
  {
    method: 'DELETE',
    path: '/api/jobs/{jobId}',
    request: async () => ({ path: `/api/jobs/${exportJobId}` }),
    support: 403,
    admin: 409,
  },
  {
    method: 'GET',
    path: '/api/jobs/{jobId}/files/{file}',
    request: async () => ({ path: `/api/jobs/${exportJobId}/files/devices` }),
    support: 200,
    admin: 200,
  },
  {
    method: 'POST',
    path: '/api/jobs/{jobId}/files/{file}/sas',
    request: async () => ({ path: `/api/jobs/${exportJobId}/files/devices/sas` }),
    support: 403,
    admin: 200,
  },
  {
    method: 'POST',
    path: '/api/registry/lookup',
    request: async () => ({ path: '/api/registry/lookup', body: { ids: [{ id: 'authz-none' }] } }),
    support: 403,
    admin: 200,
  },
  {
    method: 'POST',
    path: '/api/copies',
    // One hub here: an admin's copy of it into itself is refused after the role checks.
    request: async () => ({
      path: '/api/copies',
      body: { sourceHubId: 'main', sourceExportOperationId: 'export-20260101-aaaaaaaaaa' },
    }),
    support: 403,
    admin: 400,
  },
  {
    method: 'GET',
    path: '/api/copies/{operationId}',
    request: async () => ({ path: '/api/copies/import-20260101-aaaaaaaaaa' }),
    support: 403,
    admin: 404,
  },
  {
    method: 'GET',
    path: '/api/copies/{operationId}/report',
    request: async () => ({ path: '/api/copies/import-20260101-aaaaaaaaaa/report' }),
    support: 403,
    admin: 404,
  },
  {
    method: 'POST',
    path: '/api/exports/enqueue',
    request: async () => ({ path: '/api/exports/enqueue', body: { excludeKeys: true } }),
    support: 403,
    admin: 200,
  },
  {
    method: 'POST',
    path: '/api/registry/query',
    request: async () => ({
      path: '/api/registry/query',
      body: { query: "SELECT * FROM devices WHERE deviceId = 'authz-none'" },
    }),
    support: 403,
    admin: 200,
  },
  {
    method: 'POST',
    path: '/api/imports/{operationId}/chunks',
    request: freshChunks,
    support: 403,
    admin: 200,
  },
  // No such run: an admin and support are refused on the merits (404) when reading.
  {
    method: 'GET',
    path: '/api/runs/{runId}',
    request: async () => ({ path: '/api/runs/aaaaaaaaaaaaaaaaaaaa' }),
    support: 404,
    admin: 404,
  },
  {
    method: 'POST',
    path: '/api/copies/{operationId}/verify',
    request: async () => ({ path: '/api/copies/import-20260101-aaaaaaaaaa/verify' }),
    support: 403,
    admin: 404,
  },
  {
    method: 'POST',
    path: '/api/delete-all',
    request: async () => ({
      path: '/api/delete-all',
      body: { exportOperationId: 'export-20260101-aaaaaaaaaa' },
    }),
    support: 403,
    admin: 404,
  },
  {
    method: 'GET',
    path: '/api/delete-all/{operationId}',
    request: async () => ({ path: '/api/delete-all/import-20260101-aaaaaaaaaa' }),
    support: 403,
    admin: 404,
  },
  {
    method: 'POST',
    path: '/api/delete-all/{operationId}/configurations',
    request: async () => ({ path: '/api/delete-all/import-20260101-aaaaaaaaaa/configurations' }),
    support: 403,
    admin: 404,
  },
  {
    method: 'POST',
    path: '/api/runs/{runId}/resume',
    request: async () => ({ path: '/api/runs/aaaaaaaaaaaaaaaaaaaa/resume' }),
    support: 403,
    admin: 404,
  },
  {
    method: 'GET',
    path: '/api/openapi.json',
    request: async () => ({ path: '/api/openapi.json' }),
    support: 200,
    admin: 200,
  },
];

describe('authorization matrix', () => {
  it('covers every route of the API contract', () => {
    const inTable = CASES.map((c) => `${c.method} ${c.path}`).sort();
    expect(inTable).toEqual(API_ROUTES.map((route) => `${route.method} ${route.path}`).sort());
  });

  for (const route of CASES) {
    describe(`${route.method} ${route.path}`, () => {
      it.each(REJECTED)('answers 401 UNAUTHENTICATED to a %s caller', async (variant) => {
        const { path, body } = await route.request(variant);
        const response = await stack.call(route.method, path, variant, body);
        expect(response.status).toBe(401);
        const payload = (await response.json()) as { error: { code: string; requestId: string } };
        expect(payload.error.code).toBe('UNAUTHENTICATED');
        expect(payload.error.requestId).toBe(response.headers.get('x-request-id'));
        expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      });

      it('answers 403 FORBIDDEN to a valid token without a console role', async () => {
        const { path, body } = await route.request('no-role');
        const response = await stack.call(route.method, path, 'no-role', body);
        expect(response.status).toBe(403);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
          'FORBIDDEN',
        );
      });

      it(`answers ${route.support} to support staff`, async () => {
        const { path, body } = await route.request('support');
        const response = await stack.call(route.method, path, 'support', body);
        expect(response.status, await response.clone().text()).toBe(route.support);
        if (route.support === 403)
          expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
            route.supportCode ?? 'FORBIDDEN',
          );
      });

      it(`answers ${route.admin} to an admin`, async () => {
        const { path, body } = await route.request('admin');
        const response = await stack.call(route.method, path, 'admin', body);
        expect(response.status, await response.clone().text()).toBe(route.admin);
      });
    });
  }

  // The same routes under the hub's prefix (docs/proxy.md, "Several hubs"): the one hub of this
  // stack is `main`, which the unprefixed routes serve too.
  const prefixed = (path: string): string => path.replace(/^\/api\//, '/api/hubs/main/');
  for (const route of CASES.filter((c) => c.path !== '/api/hubs')) {
    describe(`${route.method} ${prefixed(route.path)}`, () => {
      it.each(['anonymous', 'expired'] as const)(
        'answers 401 UNAUTHENTICATED to a %s caller',
        async (variant) => {
          const { path, body } = await route.request(variant);
          const response = await stack.call(route.method, prefixed(path), variant, body);
          expect(response.status).toBe(401);
        },
      );

      it('answers 403 FORBIDDEN to a valid token without a console role', async () => {
        const { path, body } = await route.request('no-role');
        const response = await stack.call(route.method, prefixed(path), 'no-role', body);
        expect(response.status).toBe(403);
      });

      it(`answers ${route.support} to support staff`, async () => {
        const { path, body } = await route.request('support');
        const response = await stack.call(route.method, prefixed(path), 'support', body);
        expect(response.status, await response.clone().text()).toBe(route.support);
      });

      it(`answers ${route.admin} to an admin`, async () => {
        const { path, body } = await route.request('admin');
        const response = await stack.call(route.method, prefixed(path), 'admin', body);
        expect(response.status, await response.clone().text()).toBe(route.admin);
      });
    });
  }

  it('answers an unknown hub with 404 HUB_NOT_FOUND, and only to a signed-in caller', async () => {
    expect((await stack.call('GET', '/api/hubs/nowhere/jobs', 'anonymous')).status).toBe(401);
    const response = await stack.call('GET', '/api/hubs/nowhere/jobs', 'support');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error).toMatchObject({
      code: 'HUB_NOT_FOUND',
      details: { hubId: 'nowhere' },
    });
    const known = await stack.call('GET', '/api/hubs/main/nothing-here', 'admin');
    expect(((await known.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  it('leaves /healthz, /config.json and unknown non-API paths open, and closes unknown /api paths', async () => {
    expect((await stack.call('GET', '/healthz', 'anonymous')).status).toBe(200);
    expect((await stack.call('GET', '/config.json', 'anonymous')).status).toBe(200);
    expect((await stack.call('GET', '/api/nothing-here', 'anonymous')).status).toBe(401);
    expect((await stack.call('GET', '/api/nothing-here', 'admin')).status).toBe(404);
    // The router decodes %61 to "a"; authentication must not be fooled by the raw spelling.
    expect((await stack.call('GET', '/%61pi/me', 'anonymous')).status).toBe(401);
  });

  it('lets support staff export only without keys', async () => {
    await waitForIdleHub(stack);
    const response = await stack.call('POST', '/api/exports', 'support', { excludeKeys: false });
    expect(response.status).toBe(403);
    // The role decides before the switch: keys are refused even where support exports are off.
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
  });

  it('never writes a token to the log', async () => {
    const token = (await stack.authority.authorization('admin'))?.slice('Bearer '.length) ?? '';
    await fetch(`${stack.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    const signature = token.split('.')[2] ?? '';
    expect(signature.length).toBeGreaterThan(20);
    expect(JSON.stringify(stack.logs)).not.toContain(signature);
  });
});
