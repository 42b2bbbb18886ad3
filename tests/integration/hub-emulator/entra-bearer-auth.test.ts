import https from 'node:https';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Registry } from 'azure-iothub';
import { rawRequest, startTestHub, testTls, type TestHub } from './hub-fixture';
import { startLocalEntraAuthority, type LocalEntraAuthority } from './local-entra-authority';

// Microsoft Entra bearer tokens, verified against a JWKS started here: the data-plane roles grant
// their data actions, every bad token is a 401, and local (SAS) auth can be switched off.
let authority: LocalEntraAuthority;
let hub: TestHub;
let noLocalAuth: TestHub;

beforeAll(async () => {
  authority = await startLocalEntraAuthority();
  const entra = { issuer: authority.issuer, jwksUri: authority.jwksUri };
  [hub, noLocalAuth] = await Promise.all([
    startTestHub({ entra }),
    startTestHub({
      entra: { ...entra, audiences: ['https://iothubs.azure.net', 'api://local-hub'] },
      disableLocalAuth: true,
    }),
  ]);
  await rawRequest(hub, 'PUT', '/devices/entra-1', { body: {} });
});

afterAll(async () => {
  await Promise.all([hub?.dispose(), noLocalAuth?.dispose()]);
  await authority?.close();
});

const asRoles = async (...roles: string[]): Promise<string> =>
  `Bearer ${await authority.token({ roles })}`;

describe('Entra bearer tokens', () => {
  it.each([
    ['IoT Hub Data Contributor', 'PATCH', '/twins/entra-1', 200],
    ['IoT Hub Data Contributor', 'POST', '/devices/query', 200],
    ['IoT Hub Data Reader', 'GET', '/twins/entra-1', 200],
    ['IoT Hub Data Reader', 'GET', '/statistics/devices', 200],
    ['IoT Hub Data Reader', 'PATCH', '/twins/entra-1', 401],
    ['IoT Hub Registry Contributor', 'GET', '/devices/entra-1', 200],
    ['IoT Hub Registry Contributor', 'GET', '/twins/entra-1', 401],
    ['IoT Hub Registry Contributor', 'GET', '/jobs', 401],
    ['IoT Hub Twin Contributor', 'PATCH', '/twins/entra-1', 200],
    ['IoT Hub Twin Contributor', 'GET', '/devices/entra-1', 401],
  ])('lets %s %s %s: %i', async (role, method, path, status) => {
    const body =
      method === 'PATCH'
        ? { tags: { by: 'entra' } }
        : method === 'POST'
          ? { query: 'SELECT * FROM devices' }
          : undefined;
    const response = await rawRequest(hub, method, path, { auth: await asRoles(role), body });
    expect(response.status).toBe(status);
  });

  it("answers a principal without a data-plane role in the hub's own words", async () => {
    const response = await rawRequest(hub, 'GET', '/twins/entra-1', {
      auth: await asRoles('Owner'),
    });
    expect([response.status, response.headers.get('iothub-errorcode')]).toEqual([
      401,
      'IotHubUnauthorized',
    ]);
    expect((response.json as { Message: string }).Message).toBe(
      'ErrorCode:IotHubUnauthorized;Principal ada@example.com is not authorized for GET on /twins/entra-1 due to no assigned permissions',
    );
  });

  it.each([
    ['a wrong audience', { audience: 'api://someone-else' }],
    ['a wrong issuer', { issuer: 'https://login.example.com/other/' }],
    ['a signature by an unknown key', { forged: true }],
    ['an expiry beyond the clock skew', { expiresInSeconds: -400 }],
  ])('refuses a token with %s', async (_name, options) => {
    const token = await authority.token({ roles: ['IoT Hub Data Contributor'] }, options);
    const response = await rawRequest(hub, 'GET', '/devices/entra-1', { auth: `Bearer ${token}` });
    expect([response.status, response.headers.get('iothub-errorcode')]).toEqual([
      401,
      'IotHubUnauthorizedAccess',
    ]);
  });

  it('refuses a malformed bearer token and an unsigned one', async () => {
    const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
    const unsigned = `${b64({ alg: 'none' })}.${b64({ roles: ['IoT Hub Data Contributor'], iss: authority.issuer, aud: 'https://iothubs.azure.net', exp: 9e9 })}.`;
    for (const auth of ['Bearer not.a.jwt', `Bearer ${unsigned}`])
      expect((await rawRequest(hub, 'GET', '/devices/entra-1', { auth })).status).toBe(401);
  });

  it('accepts a configured extra audience and refuses SAS when local auth is disabled', async () => {
    const token = await authority.token(
      { roles: ['IoT Hub Data Reader'] },
      { audience: 'api://local-hub' },
    );
    expect(
      (await rawRequest(noLocalAuth, 'GET', '/statistics/devices', { auth: `Bearer ${token}` }))
        .status,
    ).toBe(200);
    const sas = await rawRequest(noLocalAuth, 'GET', '/statistics/devices');
    expect([sas.status, sas.headers.get('iothub-errorcode')]).toEqual([
      401,
      'IotHubUnauthorizedAccess',
    ]);
  });

  it('refuses bearer tokens on a hub with no Entra issuer configured', async () => {
    const plain = await startTestHub();
    try {
      const response = await rawRequest(plain, 'GET', '/statistics/devices', {
        auth: await asRoles('IoT Hub Data Contributor'),
      });
      expect(response.status).toBe(401);
    } finally {
      await plain.dispose();
    }
  });

  it('answers 500 ServerError when the issuer keys cannot be fetched', async () => {
    const unreachable = await startTestHub({
      entra: { issuer: authority.issuer, jwksUri: 'http://127.0.0.1:9/keys' },
    });
    try {
      const response = await rawRequest(unreachable, 'GET', '/statistics/devices', {
        auth: await asRoles('IoT Hub Data Contributor'),
      });
      expect([response.status, response.headers.get('iothub-errorcode')]).toEqual([
        500,
        'ServerError',
      ]);
    } finally {
      await unreachable.dispose();
    }
  });

  it('serves the official SDK signed in with a token credential', async () => {
    const token = await authority.token({ roles: ['IoT Hub Data Contributor'] });
    const registry = Registry.fromTokenCredential('localhost', {
      getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 600_000 }),
    });
    const agent = new https.Agent({ ca: await readFile((await testTls()).caCertPath, 'utf8') });
    (agent as https.Agent & { defaultPort: number }).defaultPort = hub.port;
    (
      registry as unknown as { _restApiClient: { setOptions(o: unknown): void } }
    )._restApiClient.setOptions({ http: { agent } });
    const created = await registry.create({ deviceId: 'entra-sdk' });
    expect(created.responseBody.deviceId).toBe('entra-sdk');
    expect((await registry.getTwin('entra-sdk')).responseBody.deviceId).toBe('entra-sdk');
  });
});
