import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalJWKSet, decodeJwt, jwtVerify, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SERVICE_PRINCIPALS,
  STORAGE_TOKEN_ISSUER,
  TENANT_ID,
} from '../../../../src/dev-stack/identity-defaults';
import { clientCredentialsHandler } from '../../../../src/dev-stack/oidc/client-credentials';
import type { SigningKey } from '../../../../src/dev-stack/oidc/signing-key-store';

// The authority's app-only tokens, as the hub and Azurite read them (docs/dev-stack.md,
// "Identity mode"). A plain HTTP server on loopback carries the handler.

const ISSUER = `https://localhost:1/${TENANT_ID}/v2.0`;
const NOW = new Date('2026-12-08T00:00:00Z');
let server: Server;
let url: string;
let publicJwk: JWK;

beforeAll(async () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = {
    ...(privateKey.export({ format: 'jwk' }) as JWK),
    kid: 'k1',
    alg: 'RS256',
    use: 'sig',
  } as SigningKey;
  publicJwk = { ...(publicKey.export({ format: 'jwk' }) as JWK), kid: 'k1', alg: 'RS256' };
  const handle = clientCredentialsHandler({ signingKey, issuer: ISSUER, now: () => NOW });
  server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function ask(form: Record<string, string>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', ...form }).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const proxy = {
  client_id: SERVICE_PRINCIPALS.proxy.clientId,
  client_secret: SERVICE_PRINCIPALS.proxy.secret,
};

describe('the client credentials grant', () => {
  it('issues a signed hub token naming the principal and its hub roles', async () => {
    const { status, body } = await ask({ ...proxy, scope: 'https://iothubs.azure.net/.default' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const { payload } = await jwtVerify(
      String(body.access_token),
      createLocalJWKSet({ keys: [publicJwk] }),
      {
        issuer: ISSUER,
        audience: 'https://iothubs.azure.net',
        currentDate: NOW,
      },
    );
    expect(payload).toMatchObject({
      oid: SERVICE_PRINCIPALS.proxy.objectId,
      tid: TENANT_ID,
      appid: 'iot-bulk-proxy',
      idtyp: 'app',
      roles: ['IoT Hub Data Contributor'],
    });
  });

  it('issues storage tokens under the v1 issuer Azurite accepts, with oid and tid', async () => {
    const { body } = await ask({ ...proxy, scope: 'https://storage.azure.com/.default' });
    const claims = decodeJwt(String(body.access_token));
    expect(claims).toMatchObject({
      iss: STORAGE_TOKEN_ISSUER,
      aud: 'https://storage.azure.com',
      oid: SERVICE_PRINCIPALS.proxy.objectId,
      tid: TENANT_ID,
    });
    expect(claims.roles).toBeUndefined();
    expect(claims.nbf).toBe(claims.iat);
  });

  it('refuses a wrong secret as Entra does', async () => {
    const { status, body } = await ask({
      ...proxy,
      client_secret: 'guess',
      scope: 'https://storage.azure.com/.default',
    });
    expect(status).toBe(401);
    expect(body.error).toBe('invalid_client');
    expect(body.access_token).toBeUndefined();
  });

  it('refuses a resource it does not know', async () => {
    const { status, body } = await ask({ ...proxy, scope: 'https://vault.azure.net/.default' });
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'invalid_scope' });
    expect(String(body.error_description)).toMatch(/^AADSTS500011:/);
  });

  it('refuses other grants', async () => {
    const { status, body } = await ask({
      ...proxy,
      grant_type: 'password',
      scope: 'https://storage.azure.com/.default',
    });
    expect(status).toBe(400);
    expect(body.error).toBe('unsupported_grant_type');
  });
});
