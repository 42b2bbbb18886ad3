import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_PRINCIPALS, TENANT_ID } from '../../../src/dev-stack/identity-defaults';
import {
  createLocalTokenCredential,
  type LocalTokenCredential,
} from '../../../src/dev-stack/local-token-credential';
import {
  createOidcAuthority,
  type OidcAuthority,
} from '../../../src/dev-stack/oidc/create-oidc-authority';
import { rawRequest, startTestHub, testTls, type TestHub } from './hub-fixture';

// The dev stack's own authority and credential against the emulator configured with it: the
// tokens the proxy gets in identity mode are accepted, and the wrong ones are refused with the
// hub's 401 bodies (docs/hub-emulator.md, "Entra ID tokens").

let dir: string;
let authority: OidcAuthority;
let hub: TestHub;
let otherIssuer: TestHub;
const credentials: LocalTokenCredential[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'local-authority-'));
  const tls = await testTls();
  authority = await createOidcAuthority({
    tls,
    keyDir: path.join(dir, 'oidc'),
    appOrigins: ['http://localhost:1'],
  });
  const entra = {
    issuer: authority.issuer,
    jwksUri: authority.jwksUri,
    trustedCaPem: tls.caCertPem,
  };
  [hub, otherIssuer] = await Promise.all([
    startTestHub({ entra, disableLocalAuth: true }),
    // Same keys, but the hub trusts Entra's real issuer for the tenant, not the local one.
    startTestHub({
      entra: { ...entra, issuer: `https://login.microsoftonline.com/${TENANT_ID}/v2.0` },
    }),
  ]);
});

afterAll(async () => {
  await Promise.all(credentials.map((credential) => credential.close()));
  await Promise.all([hub?.dispose(), otherIssuer?.dispose()]);
  await authority?.close();
  await rm(dir, { recursive: true, force: true });
});

async function bearer(
  principal: keyof typeof SERVICE_PRINCIPALS,
  scope = 'https://iothubs.azure.net/.default',
): Promise<string> {
  const credential = createLocalTokenCredential({
    tokenEndpoint: authority.tokenEndpoint,
    principal: SERVICE_PRINCIPALS[principal],
    caPem: (await testTls()).caCertPem,
  });
  credentials.push(credential);
  const token = await credential.getToken(scope);
  if (!token) throw new Error('no token');
  return `Bearer ${token.token}`;
}

describe('the emulator with the local authority', () => {
  it('accepts the proxy identity’s token for reads and writes', async () => {
    const auth = await bearer('proxy');
    expect((await rawRequest(hub, 'PUT', '/devices/by-token', { body: {}, auth })).status).toBe(
      200,
    );
    expect((await rawRequest(hub, 'GET', '/devices/by-token', { auth })).status).toBe(200);
    expect((await rawRequest(hub, 'GET', '/jobs', { auth })).status).toBe(200);
  });

  it('refuses a token for another audience (storage) with IotHubUnauthorizedAccess', async () => {
    const response = await rawRequest(hub, 'GET', '/devices/by-token', {
      auth: await bearer('proxy', 'https://storage.azure.com/.default'),
    });
    expect(response.status).toBe(401);
    expect(response.text).toContain('IotHubUnauthorizedAccess');
  });

  it('refuses a token of an issuer it does not trust with IotHubUnauthorizedAccess', async () => {
    const response = await rawRequest(otherIssuer, 'GET', '/statistics/devices', {
      auth: await bearer('proxy'),
    });
    expect(response.status).toBe(401);
    expect(response.text).toContain('IotHubUnauthorizedAccess');
  });

  it('refuses a write by a reader with the live hub’s words for a missing data-action role', async () => {
    const auth = await bearer('reader');
    expect((await rawRequest(hub, 'GET', '/devices/by-token', { auth })).status).toBe(200);
    const response = await rawRequest(hub, 'PUT', '/devices/by-reader', { body: {}, auth });
    expect(response.status).toBe(401);
    expect(response.text).toContain('IotHubUnauthorized');
    expect(response.text).toContain(
      `Principal ${SERVICE_PRINCIPALS.reader.clientId} is not authorized for PUT on /devices/by-reader due to no assigned permissions`,
    );
  });

  it('refuses every call of a principal that holds no hub role', async () => {
    const response = await rawRequest(hub, 'GET', '/statistics/devices', {
      auth: await bearer('hub'),
    });
    expect(response.status).toBe(401);
    expect(response.text).toContain('due to no assigned permissions');
  });
});
