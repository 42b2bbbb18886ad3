import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWTPayload, type CryptoKey } from 'jose';

// A real JWKS endpoint on loopback and the signing keys behind it, so the proxy verifies tokens
// exactly as it would Entra's: over HTTP(S), by `kid`, with issuer and audience checks.

export const TEST_AUDIENCE = 'api://iot-bulk-test';
/** The SPA's client id: the proxy accepts only tokens issued to it (`azp`). */
export const TEST_CLIENT_ID = 'spa-client';
export const ROLE_NAMES = { admin: 'Console.Admin', support: 'Console.Support' } as const;

export type TokenVariant =
  | 'anonymous'
  | 'malformed'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-issuer'
  | 'wrong-audience'
  | 'bad-signature'
  | 'alg-none'
  | 'other-client'
  | 'no-role'
  | 'support'
  | 'admin';

export interface TestAuthority {
  issuer: string;
  jwksUri: string;
  /** The Authorization header value for a variant, or undefined for anonymous. */
  authorization(variant: TokenVariant): Promise<string | undefined>;
  token(
    claims: JWTPayload,
    options?: {
      issuer?: string;
      audience?: string;
      expiresInSeconds?: number;
      notBeforeSeconds?: number;
    },
  ): Promise<string>;
  close(): Promise<void>;
}

/** `tls` serves the JWKS over HTTPS (a certificate from the local CA), as a real authority does. */
export async function startTestAuthority(
  options: { tls?: { certPem: string; keyPem: string } } = {},
): Promise<TestAuthority> {
  const signing = await generateKeyPair('RS256', { extractable: true });
  const forger = await generateKeyPair('RS256', { extractable: true });
  const jwk = {
    ...(await exportJWK(signing.publicKey)),
    kid: 'test-key-1',
    alg: 'RS256',
    use: 'sig',
  };
  const handler = (request: IncomingMessage, response: ServerResponse): void => {
    if (request.url === '/jwks') {
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ keys: [jwk] }));
    } else {
      response.writeHead(404).end();
    }
  };
  const server: Server = options.tls
    ? createHttpsServer({ cert: options.tls.certPem, key: options.tls.keyPem }, handler)
    : createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `${options.tls ? 'https' : 'http'}://localhost:${(server.address() as AddressInfo).port}`;
  const issuer = `${origin}/tenant-1/v2.0`;
  const jwksUri = `${origin}/jwks`;

  const sign = async (
    key: CryptoKey,
    claims: JWTPayload,
    options: {
      issuer?: string;
      audience?: string;
      expiresInSeconds?: number;
      notBeforeSeconds?: number;
    } = {},
  ): Promise<string> => {
    const nowSeconds = Math.floor(Date.now() / 1000);
    const jwt = new SignJWT({
      name: 'Test User',
      preferred_username: 'test@example.com',
      oid: 'oid-test',
      azp: TEST_CLIENT_ID,
      ...claims,
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key-1', typ: 'JWT' })
      .setIssuer(options.issuer ?? issuer)
      .setAudience(options.audience ?? TEST_AUDIENCE)
      .setSubject(typeof claims.sub === 'string' ? claims.sub : 'sub-test')
      .setIssuedAt(nowSeconds - 10)
      .setExpirationTime(nowSeconds + (options.expiresInSeconds ?? 600));
    if (options.notBeforeSeconds !== undefined)
      jwt.setNotBefore(nowSeconds + options.notBeforeSeconds);
    return jwt.sign(key);
  };

  const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

  return {
    issuer,
    jwksUri,
    token: (claims, options) => sign(signing.privateKey, claims, options),
    async authorization(variant) {
      const admin = { roles: [ROLE_NAMES.admin], oid: 'oid-admin', name: 'Ada Admin' };
      switch (variant) {
        case 'anonymous':
          return undefined;
        case 'malformed':
          return 'Bearer not.a.jwt';
        case 'expired':
          // Beyond the proxy's clock tolerance (60 s).
          return `Bearer ${await sign(signing.privateKey, admin, { expiresInSeconds: -600 })}`;
        case 'not-yet-valid':
          return `Bearer ${await sign(signing.privateKey, admin, { notBeforeSeconds: 600 })}`;
        case 'wrong-issuer':
          return `Bearer ${await sign(signing.privateKey, admin, { issuer: 'https://login.example.com/other/v2.0' })}`;
        case 'wrong-audience':
          return `Bearer ${await sign(signing.privateKey, admin, { audience: 'api://someone-else' })}`;
        case 'bad-signature':
          return `Bearer ${await sign(forger.privateKey, admin)}`;
        case 'other-client':
          // Right issuer, audience and signature, but another app of the tenant asked for it.
          return `Bearer ${await sign(signing.privateKey, { ...admin, azp: 'another-app' })}`;
        case 'alg-none': {
          const nowSeconds = Math.floor(Date.now() / 1000);
          const payload = {
            ...admin,
            iss: issuer,
            aud: TEST_AUDIENCE,
            sub: 'sub-test',
            iat: nowSeconds,
            exp: nowSeconds + 600,
          };
          return `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`;
        }
        case 'no-role':
          return `Bearer ${await sign(signing.privateKey, { roles: ['Something.Else'], oid: 'oid-nobody' })}`;
        case 'support':
          return `Bearer ${await sign(signing.privateKey, { roles: [ROLE_NAMES.support], oid: 'oid-support', name: 'Sam Support' })}`;
        case 'admin':
          return `Bearer ${await sign(signing.privateKey, admin)}`;
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
