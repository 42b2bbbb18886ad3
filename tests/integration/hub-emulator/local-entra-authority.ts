import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWTPayload } from 'jose';

// A JWKS endpoint on loopback and the keys behind it, shaped like Entra's v1 tokens for the hub
// (`aud: https://iothubs.azure.net`, `upn`, a `roles` claim naming the data-plane roles).
export interface LocalEntraAuthority {
  issuer: string;
  jwksUri: string;
  token(claims: JWTPayload, options?: TokenOptions): Promise<string>;
  close(): Promise<void>;
}

export interface TokenOptions {
  issuer?: string;
  audience?: string;
  expiresInSeconds?: number;
  /** Sign with a key the JWKS does not publish. */
  forged?: boolean;
}

export async function startLocalEntraAuthority(): Promise<LocalEntraAuthority> {
  const signing = await generateKeyPair('RS256', { extractable: true });
  const forger = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(signing.publicKey)), kid: 'hub-key', alg: 'RS256', use: 'sig' };
  const server: Server = createServer((request, response) => {
    if (request.url === '/keys')
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ keys: [jwk] }));
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${origin}/tenant-1/`;
  const sign = (key: CryptoKey, claims: JWTPayload, options: TokenOptions): Promise<string> => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ upn: 'ada@example.com', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'hub-key', typ: 'JWT' })
      .setIssuer(options.issuer ?? issuer)
      .setAudience(options.audience ?? 'https://iothubs.azure.net')
      .setIssuedAt(now - 10)
      .setExpirationTime(now + (options.expiresInSeconds ?? 600))
      .sign(key);
  };
  return {
    issuer,
    jwksUri: `${origin}/keys`,
    token: (claims, options = {}) =>
      sign(options.forged ? forger.privateKey : signing.privateKey, claims, options),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
