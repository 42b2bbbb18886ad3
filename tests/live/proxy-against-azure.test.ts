import { DefaultAzureCredential } from '@azure/identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SetupCheckResponse } from '../../src/contracts/api/setup-check';
import { createProxy, type ProxyHandle } from '../../src/proxy/server';
import {
  ROLE_NAMES,
  TEST_AUDIENCE,
  TEST_CLIENT_ID,
  startTestAuthority,
  type TestAuthority,
} from '../integration/proxy/support/test-authority';

// The proxy in-process against a real hub and storage account (`npm run test:live`), signed-in
// users stood in for by a local authority. The same variables as the proxy's own
// (docs/proxy.md); a missing key means DefaultAzureCredential (az login, a managed identity).
const env = process.env;
const hubConfigured = Boolean(env.IOT_HUB_CONNECTION_STRING || env.IOT_HUB_HOST_NAME);
const configured = hubConfigured && Boolean(env.STORAGE_ACCOUNT_NAME);

describe.skipIf(!configured)('the proxy against Azure', () => {
  let authority: TestAuthority;
  let proxy: ProxyHandle;

  beforeAll(async () => {
    authority = await startTestAuthority();
    const account = env.STORAGE_ACCOUNT_NAME ?? '';
    const blobEndpoint = env.STORAGE_BLOB_ENDPOINT ?? `https://${account}.blob.core.windows.net`;
    const credential = new DefaultAzureCredential();
    proxy = await createProxy({
      auth: {
        issuer: authority.issuer,
        audience: TEST_AUDIENCE,
        jwksUri: authority.jwksUri,
        roles: ROLE_NAMES,
      },
      hub: env.IOT_HUB_CONNECTION_STRING
        ? { connectionString: env.IOT_HUB_CONNECTION_STRING }
        : { hostName: env.IOT_HUB_HOST_NAME ?? '', credential },
      storage: env.STORAGE_ACCOUNT_KEY
        ? { accountName: account, accountKey: env.STORAGE_ACCOUNT_KEY, blobEndpoint }
        : { accountName: account, credential, blobEndpoint },
      spa: {
        auth: {
          clientId: TEST_CLIENT_ID,
          authority: 'https://localhost:8443/tenant-1',
          knownAuthorities: ['localhost:8443'],
          apiScope: `${TEST_AUDIENCE}/access_as_user`,
        },
        storageEndpoint: blobEndpoint,
        hubHostName: 'live',
      },
      log: () => undefined,
    });
  });

  afterAll(async () => {
    await proxy?.close();
    await authority?.close();
  });

  it('passes the setup check (CORS for this test machine aside)', async () => {
    const response = await fetch(`${proxy.url}/api/setup-check`, {
      headers: { authorization: (await authority.authorization('admin')) ?? '' },
    });
    expect(response.status).toBe(200);
    const result = (await response.json()) as SetupCheckResponse;
    for (const check of result.checks)
      console.log(`${check.status.padEnd(8)} ${check.id}: ${check.summary}`);
    expect(
      result.checks.filter((check) => check.status === 'problem' && check.id !== 'storage-cors'),
    ).toEqual([]);
  });
});
