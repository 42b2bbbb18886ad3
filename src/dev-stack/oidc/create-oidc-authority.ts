import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import {
  SPA_CLIENT_ID,
  TEST_USERS,
  TOKEN_ENDPOINT_PATH,
  authorityFor,
  issuerFor,
  knownAuthorityFor,
  oidcOrigin,
  type TestUser,
} from '../identity-defaults';
import { createUserDirectory } from './accounts';
import { clientCredentialsHandler } from './client-credentials';
import { handleInteraction, isInteractionPath } from './interactions';
import { forbidFramingOfProviderPages } from './forbid-framing';
import { createLoginThrottle, type LoginThrottleOptions } from './login-throttle';
import { addLogoutClientId } from './logout-shim';
import { buildProviderConfig } from './provider-config';
import { BodyTooLargeError } from './read-body';
import { loadOrCreateSigningKey } from './signing-key-store';
import { stripOfflineAccessOnRefresh } from './token-shim';

// The local OpenID Connect authority: oidc-provider mounted under Entra's `/<tenant>/v2.0` path on
// HTTPS (MSAL refuses http:// authorities,
// docs/reference/stack-facts.md#msal-against-a-local-authority), plus the login pages.

export interface OidcAuthorityOptions {
  tls: { certPem: string; keyPem: string };
  /** Folder holding the persisted signing key (`.local/oidc`). */
  keyDir: string;
  /** Origins the SPA runs on, e.g. `http://localhost:4280`. */
  appOrigins: readonly string[];
  users?: readonly TestUser[];
  host?: string;
  /** 0 or omitted picks a free port. */
  port?: number;
  log?: (line: string) => void;
  /** Password attempt limits; 5 failures a minute per account and per address by default. */
  loginThrottle?: LoginThrottleOptions;
}

export interface OidcAuthority {
  /** `https://localhost:<port>` */
  url: string;
  issuer: string;
  /** What MSAL's `auth.authority` is set to. */
  authority: string;
  /** Entra's app-only token endpoint for the stack's workload identities (client credentials). */
  tokenEndpoint: string;
  knownAuthority: string;
  jwksUri: string;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export async function createOidcAuthority(options: OidcAuthorityOptions): Promise<OidcAuthority> {
  const log = options.log ?? (() => {});
  const signingKey = await loadOrCreateSigningKey(options.keyDir, log);

  // The issuer names the port, so listen first (port 0 in tests) and build the provider after.
  let handle: Handler = async (_req, res) => void res.writeHead(503).end();
  const server = https.createServer(
    { cert: options.tls.certPem, key: options.tls.keyPem },
    (req, res) => {
      handle(req, res).catch((error: unknown) => failRequest(res, error, log));
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      // Browsers keep connections alive; without this close() waits for them to time out.
      server.closeAllConnections();
    }));

  const issuer = issuerFor(port);
  const users = createUserDirectory(options.users ?? TEST_USERS);
  const throttle = createLoginThrottle(options.loginThrottle);
  let provider: Provider;
  try {
    provider = new Provider(
      issuer,
      buildProviderConfig({
        signingKey,
        users,
        appOrigins: options.appOrigins,
        cookieKeys: [randomBytes(32).toString('base64url')],
      }),
    );
  } catch (error) {
    await close();
    throw error;
  }
  provider.on('server_error', (_ctx, error) =>
    log(`OIDC: server error: ${error.stack ?? error.message}`),
  );
  provider.use(forbidFramingOfProviderPages);
  const callback = provider.callback();
  const mountPath = new URL(issuer).pathname;
  const clientCredentials = clientCredentialsHandler({ signingKey, issuer });

  handle = async (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    if (isInteractionPath(url.pathname))
      return handleInteraction(provider, users, throttle, req, res);
    if (url.pathname === TOKEN_ENDPOINT_PATH) return clientCredentials(req, res);
    if (url.pathname !== mountPath && !url.pathname.startsWith(`${mountPath}/`)) {
      res
        .writeHead(404, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ error: 'not_found' }));
      return;
    }
    const inner = url.pathname.slice(mountPath.length) || '/';
    await stripOfflineAccessOnRefresh(req, inner);
    // oidc-provider works out its mount path as originalUrl minus url (lib/helpers/oidc_context.js
    // urlFor), the way Express's app.use('/prefix', ...) leaves them; so originalUrl must end with
    // url.
    req.url = `${inner}${addLogoutClientId(inner, url.search, SPA_CLIENT_ID)}`;
    (req as IncomingMessage & { originalUrl?: string }).originalUrl = `${mountPath}${req.url}`;
    await callback(req, res);
  };

  log(`OIDC: authority ${issuer} (signing key ${signingKey.kid})`);
  return {
    url: oidcOrigin(port),
    issuer,
    authority: authorityFor(port),
    tokenEndpoint: `${oidcOrigin(port)}${TOKEN_ENDPOINT_PATH}`,
    knownAuthority: knownAuthorityFor(port),
    jwksUri: provider.urlFor('jwks'),
    close,
  };
}

function failRequest(res: ServerResponse, error: unknown, log: (line: string) => void): void {
  const tooLarge = error instanceof BodyTooLargeError;
  if (!tooLarge)
    log(
      `OIDC: request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(tooLarge ? 413 : 500, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ error: tooLarge ? 'request_too_large' : 'server_error' }));
}
