import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateImportResponse, StartImportResponse } from '../../../src/contracts/api/imports';
import type { Job } from '../../../src/contracts/api/jobs';
import type { SetupCheckResponse } from '../../../src/contracts/api/setup-check';
import {
  API_AUDIENCE,
  API_SCOPE,
  ROLES,
  SERVICE_PRINCIPALS,
  SPA_CLIENT_ID,
} from '../../../src/dev-stack/identity-defaults';
import { createLocalTokenCredential } from '../../../src/dev-stack/local-token-credential';
import { createProxy } from '../../../src/proxy/server';
import { startDevStack, type DevStack } from '../../../src/dev-stack/stack';
import { loginForAccessToken } from '../../support/oidc-login';
import { deviceLines, importRequestFor } from '../proxy/support/import-fixture';

// The local stack with no key anywhere in the proxy (docs/dev-stack.md, "Identity mode"): Azurite
// on HTTPS with `--oauth basic` takes the proxy's Entra tokens, the proxy mints user-delegation
// SAS (its upload grants carry `skoid`, the delegation key's object id), the hub refuses SAS and
// takes the proxy's bearer token, and the hub reads the job's files by the proxy's SAS
// (keyBased) or with its own identity (identityBased).

let dir: string;
let caPem: string;
let storageAgent: Agent | undefined;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'identity-mode-'));
  await mkdir(path.join(dir, 'dist'));
  await writeFile(path.join(dir, 'dist', 'index.html'), '<!DOCTYPE html><title>console</title>');
});

afterAll(async () => {
  await storageAgent?.close();
  await rm(dir, { recursive: true, force: true });
});

async function startIdentityStack(jobStorage: 'keyBased' | 'identityBased'): Promise<DevStack> {
  const stack = await startDevStack({
    dataDir: path.join(dir, jobStorage),
    ports: { app: 0, oidc: 0, hub: 0, azurite: 0 },
    staticDir: path.join(dir, 'dist'),
    azuriteInMemory: true,
    identity: { jobStorage },
    log: process.env.DEBUG_IDENTITY ? (line) => console.log(line) : undefined,
  });
  caPem = await readFile(stack.caCertPath, 'utf8');
  // Each stack's data folder has a CA of its own.
  await storageAgent?.close();
  storageAgent = new Agent({ connect: { ca: caPem } });
  return stack;
}

async function adminApi(stack: DevStack) {
  const { accessToken } = await loginForAccessToken({
    authorityUrl: stack.oidc.authority,
    clientId: SPA_CLIENT_ID,
    redirectUri: `${stack.appUrl}/`,
    username: 'admin',
    password: 'admin-local',
    caCertPem: caPem,
  });
  return async <T>(method: string, pathName: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${stack.appUrl}${pathName}`, {
      method,
      headers: {
        authorization: `Bearer ${accessToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`${method} ${pathName}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
}

/** The browser's upload: one Put Blob with the grant's SAS, over HTTPS to Azurite. */
async function putBlob(sasUrl: string, text: string): Promise<number> {
  const response = await undiciFetch(sasUrl, {
    method: 'PUT',
    headers: { 'x-ms-blob-type': 'BlockBlob', 'content-type': 'text/plain' },
    body: text,
    ...(storageAgent ? { dispatcher: storageAgent } : {}),
  });
  await response.text();
  return response.status;
}

async function importThroughProxy(stack: DevStack, prefix: string): Promise<Job> {
  const api = await adminApi(stack);
  const devices = deviceLines(prefix, 3);
  const source = `id\n${prefix}-0\n${prefix}-1\n${prefix}-2`;
  const created = await api<CreateImportResponse>(
    'POST',
    '/api/imports',
    importRequestFor(devices, source),
  );
  const grant = new URL(created.uploads.devices.url);
  expect(grant.protocol).toBe('https:');
  // A user-delegation SAS names the delegation key's principal; an account-key SAS has no skoid.
  expect(grant.searchParams.get('skoid')).toBeTruthy();
  expect(await putBlob(created.uploads.devices.url, devices)).toBe(201);
  expect(await putBlob(created.uploads.source.url, source)).toBe(201);
  const started = await api<StartImportResponse>(
    'POST',
    `/api/imports/${created.operationId}/start`,
  );
  const deadline = Date.now() + 30_000;
  for (;;) {
    const job = await api<Job>('GET', `/api/jobs/${started.job.jobId ?? ''}`);
    if (['completed', 'failed', 'cancelled'].includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job still ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('identity mode, keyBased job storage', () => {
  let stack: DevStack;
  beforeAll(async () => {
    stack = await startIdentityStack('keyBased');
  });
  afterAll(async () => stack?.close());

  it('runs an import end to end with user-delegation SAS and the proxy’s Entra token', async () => {
    expect(stack.azurite.blobEndpoint).toMatch(/^https:/);
    const job = await importThroughProxy(stack, 'ud-sas');
    expect(job.status).toBe('completed');
    expect(stack.workloadIdentities?.proxy.requests).toBeGreaterThan(0);
    // keyBased: the hub read the files by the proxy's SAS, never with an identity of its own.
    expect(stack.workloadIdentities?.hub.requests).toBe(0);
  });

  it('names a proxy identity that holds only IoT Hub Data Reader: the "Owner and still 401" case', async () => {
    const reader = createLocalTokenCredential({
      tokenEndpoint: stack.oidc.tokenEndpoint,
      principal: SERVICE_PRINCIPALS.reader,
      caPem,
    });
    const storageIdentity = createLocalTokenCredential({
      tokenEndpoint: stack.oidc.tokenEndpoint,
      principal: SERVICE_PRINCIPALS.proxy,
      caPem,
    });
    const proxy = await createProxy({
      auth: {
        issuer: stack.oidc.issuer,
        audience: API_AUDIENCE,
        jwksUri: stack.oidc.jwksUri,
        roles: ROLES,
      },
      trustedCaPem: caPem,
      hub: { hostName: stack.hub.hostName, credential: reader },
      storage: {
        accountName: stack.azurite.accountName,
        credential: storageIdentity,
        blobEndpoint: stack.azurite.blobEndpoint,
        tableEndpoint: stack.azurite.tableEndpoint,
      },
      spa: {
        auth: {
          clientId: SPA_CLIENT_ID,
          authority: stack.oidc.authority,
          knownAuthorities: [stack.oidc.knownAuthority],
          apiScope: API_SCOPE,
        },
        storageEndpoint: stack.azurite.blobEndpoint,
        hubHostName: stack.hub.hostName,
      },
      log: () => undefined,
    });
    try {
      const { accessToken } = await loginForAccessToken({
        authorityUrl: stack.oidc.authority,
        clientId: SPA_CLIENT_ID,
        redirectUri: `${stack.appUrl}/`,
        username: 'admin',
        password: 'admin-local',
        caCertPem: caPem,
      });
      const response = await fetch(`${proxy.url}/api/setup-check`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      const result = (await response.json()) as SetupCheckResponse;
      const hub = result.checks.find((check) => check.id === 'hub-access');
      expect(hub).toMatchObject({ status: 'problem', code: 'HUB_NO_REGISTRY_WRITE' });
      expect(hub?.summary).toContain('allowed: registry read');
      expect(hub?.fix).toContain('IoT Hub Data Contributor');
      expect(hub?.fix).toContain('Owner or Contributor give no data access');
      // Storage is the proxy's own identity here, so only the hub is named.
      expect(result.checks.find((check) => check.id === 'sas-minting')?.status).toBe('ok');
    } finally {
      await proxy.close();
      await Promise.all([reader.close(), storageIdentity.close()]);
    }
  });

  it('refuses a SAS token at the hub: only Entra tokens reach it', async () => {
    const response = await undiciFetch(`${stack.hub.url}/devices/ud-sas-0?api-version=2021-04-12`, {
      headers: { authorization: sasFor(stack) },
      ...(storageAgent ? { dispatcher: storageAgent } : {}),
    });
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('local (SAS) authentication is disabled');
  });
});

describe('identity mode, identityBased job storage', () => {
  let stack: DevStack;
  beforeAll(async () => {
    stack = await startIdentityStack('identityBased');
  });
  afterAll(async () => stack?.close());

  it('runs an import the hub reads with its own identity', async () => {
    expect(stack.identityMode).toBe('identityBased');
    const job = await importThroughProxy(stack, 'by-identity');
    expect(job.status).toBe('completed');
    expect(stack.workloadIdentities?.hub.requests).toBeGreaterThan(0);
  });

  it('passes every setup check, the hub identity’s dry job included', async () => {
    const api = await adminApi(stack);
    const result = await api<SetupCheckResponse>('GET', '/api/setup-check');
    expect(result.checks.filter((check) => check.status !== 'ok')).toEqual([]);
    expect(result.checks.find((check) => check.id === 'sas-minting')?.summary).toContain(
      'user-delegation SAS',
    );
  });
});

function sasFor(stack: DevStack): string {
  const key = /SharedAccessKey=([^;]+)/.exec(stack.hub.connectionString)?.[1] ?? '';
  return `SharedAccessSignature sr=localhost&sig=${encodeURIComponent(key)}&se=9999999999&skn=iothubowner`;
}
