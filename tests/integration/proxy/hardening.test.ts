import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../../src/contracts/api/errors';
import type { CreateImportResponse } from '../../../src/contracts/api/imports';
import { API_ROUTES } from '../../../src/contracts/api/openapi-routes';
import { startAzurite, type AzuriteHandle } from '../../../src/dev-stack/azurite';
import { ensureLocalTls } from '../../../src/local-ca/local-ca';
import { createProxy, type ProxyOptions } from '../../../src/proxy/server';
import { importRequestFor } from './support/import-fixture';
import {
  ROLE_NAMES,
  TEST_AUDIENCE,
  TEST_CLIENT_ID,
  startTestAuthority,
  type TestAuthority,
} from './support/test-authority';

// Headers, limits, the open SPA, and SSRF: none of this needs the hub, which is configured as an
// unreachable host so any accidental call would fail loudly.

let dir: string;
let azurite: AzuriteHandle;
let authority: TestAuthority;
let proxy: { url: string; close(): Promise<void> };
const logs: Record<string, unknown>[] = [];

function proxyOptions(overrides: Partial<ProxyOptions> = {}): ProxyOptions {
  return {
    auth: {
      issuer: authority.issuer,
      audience: TEST_AUDIENCE,
      jwksUri: authority.jwksUri,
      roles: ROLE_NAMES,
    },
    hub: {
      connectionString: `HostName=hub.invalid;SharedAccessKeyName=iothubowner;SharedAccessKey=${Buffer.alloc(32).toString('base64')}`,
    },
    storage: {
      accountName: azurite.accountName,
      accountKey: azurite.accountKey,
      blobEndpoint: azurite.blobEndpoint,
      tableEndpoint: azurite.tableEndpoint,
    },
    spa: {
      auth: {
        clientId: TEST_CLIENT_ID,
        authority: 'https://localhost:8443/tenant-1',
        knownAuthorities: ['localhost:8443'],
        apiScope: 's',
      },
      storageEndpoint: azurite.blobEndpoint,
      hubHostName: 'hub.invalid',
    },
    staticDir: path.join(dir, 'spa'),
    log: (entry) => logs.push(entry),
    rateLimit: { max: 3, timeWindowMs: 60_000 },
    ...overrides,
  };
}

async function call(
  method: string,
  pathName: string,
  authorization?: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${proxy.url}${pathName}`, {
    method,
    headers: {
      ...(authorization ? { authorization } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body,
  });
}

const code = async (response: Response): Promise<string> =>
  ((await response.json()) as ApiErrorBody).error.code;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'proxy-hardening-'));
  await mkdir(path.join(dir, 'spa', 'assets'), { recursive: true });
  await writeFile(path.join(dir, 'spa', 'index.html'), '<!doctype html><title>console</title>');
  await writeFile(path.join(dir, 'spa', 'assets', 'app.js'), 'console.log(1)');
  const tls = await ensureLocalTls(path.join(dir, 'tls'));
  azurite = await startAzurite();
  authority = await startTestAuthority({ tls });
  proxy = await createProxy({ ...proxyOptions(), trustedCaPem: tls.caCertPem });
});

afterAll(async () => {
  await proxy?.close();
  await authority?.close();
  await azurite?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('security headers', () => {
  it('are on API answers, errors and static files alike', async () => {
    const admin = await authority.authorization('admin');
    for (const response of [
      await call('GET', '/api/me', admin),
      await call('GET', '/api/me'),
      await call('GET', '/'),
      await call('GET', '/healthz'),
    ]) {
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain(
        `connect-src 'self' ${new URL(azurite.blobEndpoint).origin} https://localhost:8443`,
      );
      expect(csp).toContain("frame-ancestors 'none'");
      // WebAssembly (the SHA-256 of an import file) needs 'wasm-unsafe-eval'; eval itself stays off.
      expect(csp).not.toContain("'unsafe-eval'");
      expect(csp).toMatch(/script-src [^;]*'wasm-unsafe-eval'/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-request-id')).toBeTruthy();
    }
  });
});

describe('JWKS over HTTPS', () => {
  it('verifies tokens against an authority whose certificate the trusted CA signed', async () => {
    expect((await call('GET', '/api/me', await authority.authorization('support'))).status).toBe(
      200,
    );
  });

  it('answers 503 AUTHORITY_UNAVAILABLE, not 401, when the authority cannot be reached', async () => {
    const offline = await createProxy(
      proxyOptions({
        auth: {
          issuer: authority.issuer,
          audience: TEST_AUDIENCE,
          jwksUri: 'http://127.0.0.1:9/jwks',
          roles: ROLE_NAMES,
        },
      }),
    );
    try {
      const response = await fetch(`${offline.url}/api/me`, {
        headers: { authorization: (await authority.authorization('admin')) ?? '' },
      });
      expect([response.status, await code(response)]).toEqual([503, 'AUTHORITY_UNAVAILABLE']);
    } finally {
      await offline.close();
    }
  });
});

describe('request limits', () => {
  it('refuses a body over 64 KiB with 413 PAYLOAD_TOO_LARGE', async () => {
    const body = JSON.stringify({ ...importRequestFor('x', 'y'), fileName: 'x'.repeat(70_000) });
    const response = await call(
      'POST',
      '/api/imports',
      await authority.authorization('admin'),
      body,
    );
    expect([response.status, await code(response)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('answers 400 VALIDATION_FAILED with the failing fields for a bad body or bad JSON', async () => {
    const admin = await authority.authorization('admin');
    const response = await call(
      'POST',
      '/api/imports',
      admin,
      JSON.stringify({
        ...importRequestFor('x', 'y'),
        sourceSha256: 'nope',
        sourceExtension: 'exe',
      }),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as ApiErrorBody;
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(
      (body.error.details?.issues as { path: string }[]).map((issue) => issue.path).sort(),
    ).toEqual(['sourceExtension', 'sourceSha256']);
    const broken = await call('POST', '/api/imports', admin, '{"fileName":');
    expect([broken.status, await code(broken)]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('limits state-changing calls per user, not per address', async () => {
    const first = `Bearer ${await authority.token({ roles: [ROLE_NAMES.admin], oid: 'oid-rate-1' })}`;
    const second = `Bearer ${await authority.token({ roles: [ROLE_NAMES.admin], oid: 'oid-rate-2' })}`;
    const body = JSON.stringify(importRequestFor('x', 'y'));
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await call('POST', '/api/imports', first, body)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await call('POST', '/api/imports', first, body);
    expect(await code(limited)).toBe('RATE_LIMITED');
    expect((await call('POST', '/api/imports', second, body)).status).toBe(200);
    // Reads draw on a budget of their own (read-rate-limit.test.ts), not on that of changes.
    for (let i = 0; i < 5; i++) expect((await call('GET', '/api/me', first)).status).toBe(200);
  });
});

describe('the SPA', () => {
  it('serves index.html for deep links and files as they are, but never HTML for /api or missing assets', async () => {
    expect(await (await call('GET', '/')).text()).toContain('<title>console</title>');
    const deep = await call('GET', '/jobs/8f560573-97d5-48d3-a524-6a2d536356e9');
    expect([deep.status, await deep.text()]).toEqual([
      200,
      '<!doctype html><title>console</title>',
    ]);
    expect(await (await call('GET', '/assets/app.js')).text()).toBe('console.log(1)');
    const missing = await call('GET', '/assets/missing.js');
    expect([missing.status, await code(missing)]).toEqual([404, 'NOT_FOUND']);
    const api = await call('GET', '/api/nothing', await authority.authorization('admin'));
    expect([api.status, api.headers.get('content-type')]).toEqual([
      404,
      'application/json; charset=utf-8',
    ]);
  });

  it('serves the public SPA configuration without authentication', async () => {
    const config = (await (await call('GET', '/config.json')).json()) as {
      auth: { clientId: string };
    };
    expect(config.auth.clientId).toBe(TEST_CLIENT_ID);
  });
});

describe('SSRF', () => {
  it('has no request field that could carry a URL, host or container name', () => {
    const suspicious = /url|uri|host|endpoint|container|blob|account|path/i;
    for (const route of API_ROUTES) {
      if (!route.request) continue;
      const schema = z.toJSONSchema(route.request, { io: 'input' }) as {
        properties?: Record<string, { format?: string }>;
      };
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        expect(name, `${route.path}: ${name}`).not.toMatch(suspicious);
        expect(property.format, `${route.path}: ${name}`).not.toBe('uri');
      }
    }
  });

  it('ignores URL, host and container fields smuggled into a body, and the Host header', async () => {
    const body = JSON.stringify({
      ...importRequestFor('x', 'y'),
      containerName: 'victim',
      blobEndpoint: 'http://169.254.169.254',
      outputBlobContainerUri: 'https://evil.example/c',
    });
    const response = await call(
      'POST',
      '/api/imports',
      `Bearer ${await authority.token({ roles: [ROLE_NAMES.admin], oid: 'oid-ssrf' })}`,
      body,
      { host: 'evil.example' },
    );
    expect(response.status).toBe(200);
    const created = (await response.json()) as CreateImportResponse;
    expect(created.operationId).toMatch(/^import-\d{8}-[a-z2-7]{10}$/);
    for (const upload of [created.uploads.devices, created.uploads.source]) {
      expect(upload.url.startsWith(`${azurite.blobEndpoint}/${created.operationId}/`)).toBe(true);
    }
  });

  it('answers 404 to ids and file names that are not ours', async () => {
    const admin = `Bearer ${await authority.token({ roles: [ROLE_NAMES.admin], oid: 'oid-ssrf-2' })}`;
    const attempts: [string, string][] = [
      ['POST', '/api/imports/..%2F..%2Fdevstoreaccount1/start'],
      ['POST', '/api/imports/victim-container/start'],
      ['POST', '/api/imports/export-20261127-aaaaaaaaaa/start'],
      ['GET', '/api/jobs/http%3A%2F%2F169.254.169.254%2F/files/devices'],
      ['GET', '/api/jobs/import-20261127-aaaaaaaaaa/files/..%2F..%2Fsecret'],
      ['POST', '/api/jobs/import-20261127-aaaaaaaaaa/files/importErrors.log/sas'],
    ];
    for (const [method, pathName] of attempts) {
      const response = await call(method, pathName, admin);
      expect(response.status, pathName).toBe(404);
    }
  });

  it('logs no SAS signature and no token', async () => {
    const text = JSON.stringify(logs);
    expect(text).not.toMatch(/sig=/);
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
    expect(
      logs.some(
        (entry) =>
          entry.type === 'audit' &&
          entry.action === 'import.create' &&
          typeof entry.fileSha256 === 'string',
      ),
    ).toBe(true);
  });
});
