import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startAzurite } from '../../../../src/dev-stack/azurite';
import { createHubEmulator, type HubEmulatorHandle } from '../../../../src/hub-emulator/server';
import { ensureLocalTls } from '../../../../src/local-ca/local-ca';
import { createProxy, type ProxyOptions } from '../../../../src/proxy/server';
import type { ProxyStack } from './proxy-stack';
import {
  ROLE_NAMES,
  TEST_AUDIENCE,
  TEST_CLIENT_ID,
  startTestAuthority,
  type TokenVariant,
} from './test-authority';

// One proxy serving two real hub emulators (same local CA, own SQLite folders) over one Azurite,
// as docs/proxy.md "Several hubs" describes. Besides the global roles, each hub has role values of
// its own, so per-hub grants can be tested with tokens that carry only those.

export const HUB_ROLE_VALUES = {
  'hub-a': { adminRoles: ['HubA.Admin'], supportRoles: ['HubA.Support'] },
  'hub-b': { adminRoles: ['HubB.Admin'], supportRoles: ['HubB.Support'] },
} as const;
export type TwoHubId = keyof typeof HUB_ROLE_VALUES;

export interface TwoHubStack {
  url: string;
  logs: Record<string, unknown>[];
  hubs: Record<TwoHubId, HubEmulatorHandle>;
  /** Calls with a token of the test authority's variant, or one carrying exactly these roles. */
  call(
    method: string,
    pathName: string,
    caller: TokenVariant | { roles: string[] },
    body?: unknown,
  ): Promise<Response>;
  /** The stack as the one-hub helpers see it, every `/api/...` path sent to this hub's prefix. */
  forHub(hubId: TwoHubId): ProxyStack;
  close(): Promise<void>;
}

export async function startTwoHubStack(
  overrides: Partial<ProxyOptions> = {},
  hubOptions: { paceDevicesPerSecond?: number } = {},
): Promise<TwoHubStack> {
  const dir = await mkdtemp(path.join(tmpdir(), 'two-hub-stack-'));
  const tls = await ensureLocalTls(path.join(dir, 'tls'));
  const authority = await startTestAuthority();
  const azurite = await startAzurite();
  const emulator = (name: string) =>
    createHubEmulator({
      dataDir: path.join(dir, name),
      tls: { certPem: tls.certPem, keyPem: tls.keyPem, caCertPath: tls.caCertPath },
      port: 0,
      ...hubOptions,
    });
  const hubs = { 'hub-a': await emulator('hub-a'), 'hub-b': await emulator('hub-b') };
  const logs: Record<string, unknown>[] = [];
  const proxy = await createProxy({
    auth: {
      issuer: authority.issuer,
      audience: TEST_AUDIENCE,
      jwksUri: authority.jwksUri,
      roles: ROLE_NAMES,
    },
    trustedCaPem: tls.caCertPem,
    hubs: (['hub-a', 'hub-b'] as const).map((id) => ({
      id,
      displayName: id === 'hub-a' ? 'Local hub A' : 'Local hub B',
      connectionString: hubs[id].connectionString,
      ...HUB_ROLE_VALUES[id],
    })),
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
      hubHostName: hubs['hub-a'].hostName,
    },
    log: (entry) => logs.push(entry),
    rateLimit: { max: 1000, timeWindowMs: 60_000 },
    readRateLimit: { max: 100_000, timeWindowMs: 60_000 },
    ...overrides,
  });
  const call: TwoHubStack['call'] = async (method, pathName, caller, body) => {
    const authorization =
      typeof caller === 'string'
        ? await authority.authorization(caller)
        : `Bearer ${await authority.token({ roles: caller.roles, oid: `oid-${caller.roles.join('-')}` })}`;
    return fetch(`${proxy.url}${pathName}`, {
      method,
      headers: {
        ...(authorization ? { authorization } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  };
  const close = async (): Promise<void> => {
    await proxy.close();
    await hubs['hub-a'].close();
    await hubs['hub-b'].close();
    await azurite.close();
    await authority.close();
    await rm(dir, { recursive: true, force: true });
  };
  return {
    url: proxy.url,
    logs,
    hubs,
    call,
    forHub: (hubId) => ({
      url: proxy.url,
      authority,
      azurite,
      hub: hubs[hubId],
      tls,
      logs,
      call: (method, pathName, variant, body) =>
        call(method, pathName.replace(/^\/api\//, `/api/hubs/${hubId}/`), variant, body),
      close,
    }),
    close,
  };
}
