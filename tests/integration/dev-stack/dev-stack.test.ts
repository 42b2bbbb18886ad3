import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BlockBlobClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateExportResponse } from '../../../src/contracts/api/exports';
import type { CreateImportResponse, StartImportResponse } from '../../../src/contracts/api/imports';
import type { Job } from '../../../src/contracts/api/jobs';
import { API_SCOPE, SPA_CLIENT_ID } from '../../../src/dev-stack/identity-defaults';
import { startDevStack, type DevStack } from '../../../src/dev-stack/stack';
import { loginForAccessToken } from '../../support/oidc-login';
import { deviceLines, importRequestFor } from '../proxy/support/import-fixture';
import { childPids, childProcesses, isAlive } from './process-tree';

let dir: string;
let stack: DevStack | undefined;
let childrenBefore: number[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dev-stack-'));
  const staticDir = path.join(dir, 'dist');
  await mkdir(staticDir);
  await writeFile(
    path.join(staticDir, 'index.html'),
    '<!DOCTYPE html><title>IoT bulk console</title>',
  );
  // vitest's own helpers (an esbuild service) may already be children of this worker.
  childrenBefore = childPids(process.pid);
  stack = await startDevStack({
    dataDir: path.join(dir, 'data'),
    ports: { app: 0, oidc: 0, hub: 0, azurite: 0 },
    staticDir,
    azuriteInMemory: true,
  });
});

afterAll(async () => {
  await stack?.close();
  await rm(dir, { recursive: true, force: true });
});

const running = (): DevStack => {
  if (!stack) throw new Error('the stack did not start');
  return stack;
};

describe('startDevStack', () => {
  it('serves /healthz, the built SPA and a /config.json that points MSAL at the local authority', async () => {
    const { appUrl, oidc, azurite, hub, hubB } = running();
    expect(appUrl).toMatch(/^http:\/\/localhost:\d+$/);
    expect((await fetch(`${appUrl}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${appUrl}/`)).text()).toContain('IoT bulk console');
    const config = (await (await fetch(`${appUrl}/config.json`)).json()) as Record<string, unknown>;
    expect(config).toEqual({
      auth: {
        clientId: SPA_CLIENT_ID,
        authority: oidc.authority,
        knownAuthorities: [oidc.knownAuthority],
        apiScope: API_SCOPE,
      },
      storageEndpoint: azurite.blobEndpoint,
      hubHostName: hub.hostName,
      hubs: [
        { id: 'hub-a', displayName: 'Local hub A', hostName: hub.hostName },
        { id: 'hub-b', displayName: 'Local hub B', hostName: hubB.hostName },
      ],
      plan: { snapshotMaxAgeMinutes: 15, lookupLimit: 1000 },
    });
    expect(hubB.hostName).not.toBe(hub.hostName);
  });

  it('lets the app origin, and no other, through Azurite blob CORS', async () => {
    const { appUrl, azurite } = running();
    const preflight = (origin: string) =>
      fetch(`${azurite.blobEndpoint}/import-20261127-abc/devices.txt`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'PUT',
          'access-control-request-headers': 'x-ms-blob-type',
        },
      });
    const allowed = await preflight(appUrl);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(appUrl);
    expect((await preflight('http://evil.example')).status).toBe(403);
  });

  it("accepts the admin's token from the local authority at the proxy", async () => {
    const { appUrl, oidc, caCertPath } = running();
    const tokens = await loginForAccessToken({
      authorityUrl: oidc.authority,
      clientId: SPA_CLIENT_ID,
      redirectUri: `${appUrl}/`,
      username: 'admin',
      password: 'admin-local',
      caCertPem: await readFile(caCertPath, 'utf8'),
    });
    const me = await fetch(`${appUrl}/api/me`, {
      headers: { authorization: `Bearer ${tokens.accessToken}` },
    });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      name: 'Ada Admin',
      username: 'admin',
      roles: ['admin'],
    });
    expect((await fetch(`${appUrl}/api/me`)).status).toBe(401);
  });

  it('gives admin-a hub-a alone: hub-b is not listed and its routes answer 403', async () => {
    const { appUrl, oidc, caCertPath } = running();
    const tokens = await loginForAccessToken({
      authorityUrl: oidc.authority,
      clientId: SPA_CLIENT_ID,
      redirectUri: `${appUrl}/`,
      username: 'admin-a',
      password: 'admin-a-local',
      caCertPem: await readFile(caCertPath, 'utf8'),
    });
    const get = (pathName: string) =>
      fetch(`${appUrl}${pathName}`, { headers: { authorization: `Bearer ${tokens.accessToken}` } });
    const hubs = (await (await get('/api/hubs')).json()) as {
      hubs: { id: string; role: string }[];
    };
    expect(hubs.hubs.map(({ id, role }) => ({ id, role }))).toEqual([
      { id: 'hub-a', role: 'admin' },
    ]);
    expect((await get('/api/hubs/hub-a/jobs')).status).toBe(200);
    expect((await get('/api/hubs/hub-b/jobs')).status).toBe(403);
  });

  it('hands the proxy the bulkConsole policy (no DeviceConnect), with which an import and an export still run', async () => {
    const { appUrl, oidc, caCertPath, hub, proxyHubConnectionString } = running();
    expect(proxyHubConnectionString).toMatch(/;SharedAccessKeyName=bulkConsole;/);
    expect(proxyHubConnectionString).toBe(hub.connectionStringFor('bulkConsole'));
    expect(proxyHubConnectionString).not.toBe(hub.connectionString);

    const { accessToken } = await loginForAccessToken({
      authorityUrl: oidc.authority,
      clientId: SPA_CLIENT_ID,
      redirectUri: `${appUrl}/`,
      username: 'admin',
      password: 'admin-local',
      caCertPem: await readFile(caCertPath, 'utf8'),
    });
    const api = async <T>(method: string, pathName: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${appUrl}${pathName}`, {
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
    const finished = async (jobId: string | null): Promise<Job> => {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const job = await api<Job>('GET', `/api/jobs/${jobId ?? ''}`);
        if (['completed', 'failed', 'cancelled'].includes(job.status)) return job;
        if (Date.now() > deadline) throw new Error(`job ${jobId ?? ''} still ${job.status}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };

    const devices = deviceLines('least-privilege', 3);
    const source = 'id\nleast-privilege-0\nleast-privilege-1\nleast-privilege-2';
    const created = await api<CreateImportResponse>(
      'POST',
      '/api/imports',
      importRequestFor(devices, source),
    );
    await new BlockBlobClient(created.uploads.devices.url).upload(
      devices,
      Buffer.byteLength(devices),
    );
    await new BlockBlobClient(created.uploads.source.url).upload(source, Buffer.byteLength(source));
    const started = await api<StartImportResponse>(
      'POST',
      `/api/imports/${created.operationId}/start`,
    );
    expect((await finished(started.job.jobId)).status).toBe('completed');

    const exported = await api<CreateExportResponse>('POST', '/api/exports', { excludeKeys: true });
    expect((await finished(exported.job.jobId)).status).toBe('completed');
  });

  it('stops every part on close() and leaves no child process behind', async () => {
    const { appUrl, azurite } = running();
    expect(isAlive(azurite.pid)).toBe(true);
    await running().close();
    stack = undefined;
    expect(isAlive(azurite.pid)).toBe(false);
    expect(
      childProcesses(process.pid).filter((entry) => !childrenBefore.includes(entry.pid)),
    ).toEqual([]);
    await expect(fetch(`${appUrl}/healthz`)).rejects.toThrow();
  });
});

describe('startDevStack with a port already in use', () => {
  it('refuses to start and names the variable of the busy port', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const busyPort = (blocker.address() as AddressInfo).port;
    try {
      await expect(
        startDevStack({
          dataDir: path.join(dir, 'busy'),
          ports: { app: 0, oidc: busyPort, hub: 0, azurite: 0 },
        }),
      ).rejects.toThrow(`${busyPort} (OIDC_PORT)`);
    } finally {
      blocker.close();
    }
  });
});
