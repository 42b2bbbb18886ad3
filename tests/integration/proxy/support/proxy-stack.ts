import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startAzurite, type AzuriteHandle } from '../../../../src/dev-stack/azurite';
import { createHubEmulator, type HubEmulatorHandle } from '../../../../src/hub-emulator/server';
import { ensureLocalTls, type LocalTls } from '../../../../src/local-ca/local-ca';
import { createProxy, type ProxyOptions } from '../../../../src/proxy/server';
import {
  ROLE_NAMES,
  TEST_AUDIENCE,
  TEST_CLIENT_ID,
  startTestAuthority,
  type TestAuthority,
  type TokenVariant,
} from './test-authority';

// The proxy with everything real behind it: Azurite, the hub emulator (HTTPS, local CA) and a JWKS
// endpoint. Log entries are collected so tests can assert what was (and was not) logged.

export interface ProxyStack {
  url: string;
  authority: TestAuthority;
  azurite: AzuriteHandle;
  hub: HubEmulatorHandle;
  tls: LocalTls;
  logs: Record<string, unknown>[];
  call(method: string, pathName: string, variant: TokenVariant, body?: unknown): Promise<Response>;
  close(): Promise<void>;
}

export async function startProxyStack(
  overrides: Partial<ProxyOptions> = {},
  hubOptions: { paceDevicesPerSecond?: number } = {},
): Promise<ProxyStack> {
  const dir = await mkdtemp(path.join(tmpdir(), 'proxy-stack-'));
  const tls = await ensureLocalTls(path.join(dir, 'tls'));
  const authority = await startTestAuthority();
  const azurite = await startAzurite();
  const hub = await createHubEmulator({
    dataDir: path.join(dir, 'hub'),
    tls: { certPem: tls.certPem, keyPem: tls.keyPem, caCertPath: tls.caCertPath },
    port: 0,
    ...hubOptions,
  });
  const logs: Record<string, unknown>[] = [];
  const proxy = await createProxy({
    auth: {
      issuer: authority.issuer,
      audience: TEST_AUDIENCE,
      jwksUri: authority.jwksUri,
      roles: ROLE_NAMES,
    },
    trustedCaPem: tls.caCertPem,
    hub: { connectionString: hub.connectionString },
    storage: {
      accountName: azurite.accountName,
      accountKey: azurite.accountKey,
      blobEndpoint: azurite.blobEndpoint,
      tableEndpoint: azurite.tableEndpoint,
      queueEndpoint: azurite.queueEndpoint,
    },
    spa: {
      auth: {
        clientId: TEST_CLIENT_ID,
        authority: 'https://localhost:8443/tenant-1',
        knownAuthorities: ['localhost:8443'],
        apiScope: `${TEST_AUDIENCE}/access_as_user`,
      },
      storageEndpoint: azurite.blobEndpoint,
      hubHostName: hub.hostName,
    },
    log: (entry) => logs.push(entry),
    rateLimit: { max: 1000, timeWindowMs: 60_000 },
    // Tests poll the hub's state in tight loops; the read limit has a test of its own.
    readRateLimit: { max: 100_000, timeWindowMs: 60_000 },
    ...overrides,
  });
  return {
    url: proxy.url,
    authority,
    azurite,
    hub,
    tls,
    logs,
    async call(method, pathName, variant, body) {
      const authorization = await authority.authorization(variant);
      return fetch(`${proxy.url}${pathName}`, {
        method,
        headers: {
          ...(authorization ? { authorization } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    },
    async close() {
      await proxy.close();
      await hub.close();
      await azurite.close();
      await authority.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
