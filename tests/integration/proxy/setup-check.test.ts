import {
  BlobSASPermissions,
  ContainerClient,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters,
} from '@azure/storage-blob';
import { fetch as undiciFetch, Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SetupCheckResponse, SetupCheckResult } from '../../../src/contracts/api/setup-check';
import { allowBlobCors } from '../../../src/dev-stack/allow-blob-cors';
import { createProxy, type ProxyOptions } from '../../../src/proxy/server';
import { checkClockSkew } from '../../../src/proxy/setup-check/check-clock-skew';
import { checkSasMinting } from '../../../src/proxy/setup-check/check-sas-minting';
import { checkTokenValidation } from '../../../src/proxy/setup-check/check-token-validation';
import { startProxyStack, type ProxyStack } from './support/proxy-stack';
import { ROLE_NAMES, TEST_AUDIENCE } from './support/test-authority';

// GET /api/setup-check against real servers, each misconfiguration planted for real: no CORS rule
// for an origin, an API scope of another app, a hub policy without Registry Write, a hub without
// the identity an identityBased job needs, a blob SAS where the hub needs a container SAS, and a
// clock ten minutes off. Every finding is named by its stable code.

const APP_ORIGIN = 'https://console.example.org';
let stack: ProxyStack;
let agent: Agent;

beforeAll(async () => {
  stack = await startProxyStack({ setupCheck: { appOrigins: [APP_ORIGIN] } });
  agent = new Agent({ connect: { ca: stack.tls.caCertPem } });
});

afterAll(async () => {
  await agent?.close();
  await stack?.close();
});

async function setupCheck(url: string): Promise<SetupCheckResponse> {
  const response = await fetch(`${url}/api/setup-check`, {
    headers: { authorization: (await stack.authority.authorization('admin')) ?? '' },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as SetupCheckResponse;
}

const byId = (result: SetupCheckResponse, id: SetupCheckResult['id']): SetupCheckResult => {
  const found = result.checks.find((check) => check.id === id);
  if (!found) throw new Error(`no ${id} check`);
  return found;
};

/** A second proxy on the same hub, storage and authority, with one setting changed. */
async function proxyWith(change: Partial<ProxyOptions>) {
  return createProxy({
    auth: {
      issuer: stack.authority.issuer,
      audience: TEST_AUDIENCE,
      jwksUri: stack.authority.jwksUri,
      roles: ROLE_NAMES,
    },
    trustedCaPem: stack.tls.caCertPem,
    hub: { connectionString: stack.hub.connectionString },
    storage: {
      accountName: stack.azurite.accountName,
      accountKey: stack.azurite.accountKey,
      blobEndpoint: stack.azurite.blobEndpoint,
      tableEndpoint: stack.azurite.tableEndpoint,
    },
    spa: {
      auth: {
        clientId: 'spa-client',
        authority: 'https://localhost:8443/tenant-1',
        knownAuthorities: ['localhost:8443'],
        apiScope: `${TEST_AUDIENCE}/access_as_user`,
      },
      storageEndpoint: stack.azurite.blobEndpoint,
      hubHostName: stack.hub.hostName,
    },
    log: () => undefined,
    ...change,
  });
}

describe('GET /api/setup-check', () => {
  it('is for admins only', async () => {
    const response = await stack.call('GET', '/api/setup-check', 'support');
    expect(response.status).toBe(403);
  });

  it('names the missing CORS rule with the exact origins, then passes once the rule exists', async () => {
    const before = await setupCheck(stack.url);
    const cors = byId(before, 'storage-cors');
    expect(cors).toMatchObject({ status: 'problem', code: 'CORS_RULE_MISSING' });
    expect(cors.fix).toContain(APP_ORIGIN);
    expect(cors.fix).toContain('allowed methods GET, PUT, HEAD, OPTIONS');
    expect(before.ok).toBe(false);

    // The console's own origin as this request reached it counts too.
    await allowBlobCors(stack.azurite, [APP_ORIGIN, stack.url]);
    const after = await setupCheck(stack.url);
    expect(after.checks.filter((check) => check.status === 'problem')).toEqual([]);
    expect(after.ok).toBe(true);
    for (const id of [
      'token-validation',
      'hub-access',
      'storage-access',
      'sas-minting',
      'storage-cors',
      'clock-skew',
      'job-slot',
    ] as const)
      expect(byId(after, id).status).toBe('ok');
    expect(byId(after, 'hub-storage-identity')).toMatchObject({ status: 'skipped' });
    expect(JSON.stringify(after)).not.toMatch(/sig=|SharedAccessKey|AccountKey/);
  });

  it('names an SPA scope of another API than the audience the proxy expects', async () => {
    const proxy = await proxyWith({
      spa: {
        auth: {
          clientId: 'spa-client',
          authority: 'https://localhost:8443/tenant-1',
          knownAuthorities: ['localhost:8443'],
          apiScope: 'api://another-api/access_as_user',
        },
        storageEndpoint: stack.azurite.blobEndpoint,
        hubHostName: stack.hub.hostName,
      },
    });
    try {
      const check = byId(await setupCheck(proxy.url), 'token-validation');
      expect(check).toMatchObject({ status: 'problem', code: 'AUDIENCE_MISMATCH' });
      expect(check.summary).toContain(TEST_AUDIENCE);
    } finally {
      await proxy.close();
    }
  });

  it('names a hub credential that may read but not write the registry', async () => {
    const proxy = await proxyWith({
      hub: { connectionString: stack.hub.connectionStringFor('registryRead') },
    });
    try {
      const check = byId(await setupCheck(proxy.url), 'hub-access');
      expect(check).toMatchObject({ status: 'problem', code: 'HUB_NO_REGISTRY_WRITE' });
      expect(check.summary).toContain('allowed: registry read');
      expect(check.fix).toContain('Registry Write');
    } finally {
      await proxy.close();
    }
  });

  it('names a hub key the hub refuses, and leaves the job slot to the hub check', async () => {
    const wrongKey = stack.hub.connectionString.replace(
      /SharedAccessKey=[^;]+/,
      `SharedAccessKey=${Buffer.alloc(32, 7).toString('base64')}`,
    );
    const proxy = await proxyWith({ hub: { connectionString: wrongKey } });
    try {
      const result = await setupCheck(proxy.url);
      expect(byId(result, 'hub-access')).toMatchObject({
        status: 'problem',
        code: 'HUB_CREDENTIAL_REFUSED',
      });
      expect(byId(result, 'job-slot').status).toBe('skipped');
      expect(JSON.stringify(result)).not.toContain(Buffer.alloc(32, 7).toString('base64'));
    } finally {
      await proxy.close();
    }
  });

  it('names a storage key the account refuses, and skips what needs storage', async () => {
    const proxy = await proxyWith({
      storage: {
        accountName: stack.azurite.accountName,
        accountKey: Buffer.alloc(64, 9).toString('base64'),
        blobEndpoint: stack.azurite.blobEndpoint,
        tableEndpoint: stack.azurite.tableEndpoint,
      },
    });
    try {
      const result = await setupCheck(proxy.url);
      const access = byId(result, 'storage-access');
      expect(access).toMatchObject({ status: 'problem', code: 'STORAGE_ACCESS_DENIED' });
      expect(access.details?.status).toBe('403');
      expect(byId(result, 'sas-minting').status).toBe('skipped');
    } finally {
      await proxy.close();
    }
  });

  it('names a hub whose identity cannot reach storage for identityBased jobs', async () => {
    const proxy = await proxyWith({
      hub: { connectionString: stack.hub.connectionString, jobStorage: { type: 'identityBased' } },
    });
    try {
      const check = byId(await setupCheck(proxy.url), 'hub-storage-identity');
      expect(check).toMatchObject({ status: 'problem', code: 'HUB_IDENTITY_STORAGE_REFUSED' });
      expect(check.fix).toContain('Storage Blob Data Contributor');
    } finally {
      await proxy.close();
    }
  });
});

describe('setup checks planted directly', () => {
  it('names an authority whose keys cannot be fetched', async () => {
    const closed = 'https://127.0.0.1:9/tenant/discovery/v2.0/keys';
    const check = await checkTokenValidation({
      auth: {
        issuer: 'https://127.0.0.1:9/tenant/v2.0',
        jwksUri: closed,
        audience: TEST_AUDIENCE,
        apiScope: `${TEST_AUDIENCE}/access_as_user`,
      },
      fetch: (url, init) => undiciFetch(url, { ...init, dispatcher: agent }),
    });
    expect(check).toMatchObject({ status: 'problem', code: 'AUTHORITY_UNREACHABLE' });
    expect(check.fix).toContain('127.0.0.1:9');
  });

  const storageDeps = () => ({
    accountName: stack.azurite.accountName,
    blobEndpoint: stack.azurite.blobEndpoint,
    auth: 'sharedKey' as const,
  });

  it('names a blob SAS handed to the hub where a container SAS is needed', async () => {
    const credential = new StorageSharedKeyCredential(
      stack.azurite.accountName,
      stack.azurite.accountKey,
    );
    const probe = new ContainerClient(
      `${stack.azurite.blobEndpoint}/setup-check-blob-sas`,
      credential,
    );
    await probe.createIfNotExists();
    const blobSas = (expiresOn: Date, permissions: string) =>
      `${probe.url}?${generateBlobSASQueryParameters(
        {
          containerName: probe.containerName,
          blobName: 'devices.txt',
          permissions: BlobSASPermissions.parse(permissions),
          expiresOn,
        },
        credential,
      ).toString()}`;
    const check = await checkSasMinting(
      {
        storage: {
          ...storageDeps(),
          service: {} as never,
          containerFromUrl: (url) => new ContainerClient(url),
          mintHubGrants: async (_container, expiresOn) => ({
            input: blobSas(expiresOn, 'r'),
            output: blobSas(expiresOn, 'rwd'),
          }),
        },
        now: () => new Date(),
        hubGrantHours: 24,
      },
      probe,
    );
    expect(check).toMatchObject({ status: 'problem', code: 'SAS_NOT_CONTAINER_SCOPED' });
    expect(check.details).toMatchObject({ sr: 'b' });
    expect(JSON.stringify(check)).not.toContain('sig=');
  });

  it('names a clock ten minutes off from the hub and storage', async () => {
    const fetchThrough = (
      url: string,
      init: { method: string; headers?: Record<string, string> },
    ) => undiciFetch(url, { ...init, dispatcher: agent });
    const skewed = await checkClockSkew({
      fetch: fetchThrough,
      now: () => new Date(Date.now() + 10 * 60_000),
      hub: { hostName: stack.hub.hostName } as never,
      storage: storageDeps() as never,
    });
    expect(skewed).toMatchObject({ status: 'problem', code: 'CLOCK_SKEW' });
    expect(skewed.summary).toContain('ahead of');
    expect(Number(skewed.details?.hubSeconds)).toBeLessThan(-500);
    expect(Number(skewed.details?.storageSeconds)).toBeLessThan(-500);

    const inTime = await checkClockSkew({
      fetch: fetchThrough,
      now: () => new Date(),
      hub: { hostName: stack.hub.hostName } as never,
      storage: storageDeps() as never,
    });
    expect(inTime.status).toBe('ok');
  });
});
