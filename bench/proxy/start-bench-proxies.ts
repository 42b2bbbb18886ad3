import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startAzurite, type AzuriteHandle } from '../../src/dev-stack/azurite';
import { createHubEmulator, type HubEmulatorHandle } from '../../src/hub-emulator/server';
import { ensureLocalTls } from '../../src/local-ca/local-ca';
import { createProxy, type ProxyHandle } from '../../src/proxy/server';
import {
  ROLE_NAMES,
  TEST_AUDIENCE,
  TEST_CLIENT_ID,
  startTestAuthority,
  type TestAuthority,
} from '../../tests/integration/proxy/support/test-authority';

// One Azurite (blob, table) shared by one proxy per history size, each with a hub emulator of its
// own, so each size is one hub partition of the same table, as several hubs would be in production.

export interface BenchProxy {
  url: string;
  hub: HubEmulatorHandle;
  proxy: ProxyHandle;
}

export interface BenchProxies {
  azurite: AzuriteHandle;
  authority: TestAuthority;
  tableName: string;
  proxies: BenchProxy[];
  close(): Promise<void>;
}

export async function startBenchProxies(count: number): Promise<BenchProxies> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'proxy-bench-'));
  const tls = await ensureLocalTls(path.join(work, 'tls'));
  const azurite = await startAzurite();
  const authority = await startTestAuthority();
  const tableName = 'operations';
  const proxies: BenchProxy[] = [];
  for (let i = 0; i < count; i++) {
    const hub = await createHubEmulator({
      dataDir: path.join(work, `hub-${i}`),
      tls: { certPem: tls.certPem, keyPem: tls.keyPem, caCertPath: tls.caCertPath },
      port: 0,
    });
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
      },
      operationsIndex: { tableName },
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
      log: () => undefined,
      // The bench measures latency under load from one user; the read limit would cut it short.
      readRateLimit: { max: 1_000_000, timeWindowMs: 60_000 },
    });
    proxies.push({ url: proxy.url, hub, proxy });
  }
  return {
    azurite,
    authority,
    tableName,
    proxies,
    async close() {
      for (const { proxy, hub } of proxies) {
        await proxy.close();
        await hub.close();
      }
      await authority.close();
      await azurite.close();
      await rm(work, { recursive: true, force: true });
    },
  };
}
