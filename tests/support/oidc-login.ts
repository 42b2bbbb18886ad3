import { createHash, randomBytes } from 'node:crypto';
import { Agent, fetch, type Response } from 'undici';

// A real authorization-code + PKCE sign-in against the local authority without a browser: it
// follows redirects by hand, keeps the authority's cookies and posts the login form, as MSAL and
// a person would. Proxy and e2e tests use it to get genuine tokens.

export interface OidcLoginOptions {
  /**
   * The issuer (`https://localhost:<port>/<tenant>/v2.0`) or MSAL's authority (without `/v2.0`).
   */
  authorityUrl: string;
  clientId: string;
  redirectUri: string;
  /** Space-separated; MSAL's default set plus the API scope when omitted. */
  scope?: string;
  username: string;
  password: string;
  caCertPem: string;
}

export interface OidcTokens {
  accessToken: string;
  idToken: string;
  refreshToken: string;
  expiresIn: number;
  scope: string;
}

export class OidcLoginError extends Error {
  constructor(
    readonly code:
      | 'DISCOVERY_FAILED'
      | 'LOGIN_REFUSED'
      | 'AUTHORIZATION_ERROR'
      | 'TOKEN_ERROR'
      | 'UNEXPECTED_RESPONSE',
    message: string,
  ) {
    super(message);
    this.name = 'OidcLoginError';
  }
}

export const DEFAULT_LOGIN_SCOPE =
  'openid profile offline_access api://iot-bulk-api/access_as_user';
const MAX_HOPS = 12;

export async function loginForAccessToken(options: OidcLoginOptions): Promise<OidcTokens> {
  return (await signInWithSession(options)).tokens;
}

export interface SignedInSession {
  tokens: OidcTokens;
  /** The authority's cookies (its session among them) as a Cookie header for a URL on it. */
  cookieHeaderFor(url: URL): string;
}

/** loginForAccessToken, keeping the authority's session cookies (for sign-out tests). */
export async function signInWithSession(options: OidcLoginOptions): Promise<SignedInSession> {
  const jar = new CookieJar();
  const dispatcher = new Agent({ connect: { ca: options.caCertPem } });
  try {
    const metadata = await discover(options.authorityUrl, dispatcher);
    const verifier = randomBytes(32).toString('base64url');
    const state = randomBytes(16).toString('base64url');
    const authorize = new URL(metadata.authorization_endpoint);
    authorize.search = new URLSearchParams({
      client_id: options.clientId,
      redirect_uri: options.redirectUri,
      response_type: 'code',
      scope: options.scope ?? DEFAULT_LOGIN_SCOPE,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      state,
      nonce: randomBytes(16).toString('base64url'),
    }).toString();

    const callback = await followToRedirectUri(authorize, options, jar, dispatcher);
    const error = callback.searchParams.get('error');
    if (error)
      throw new OidcLoginError(
        'AUTHORIZATION_ERROR',
        `${error}: ${callback.searchParams.get('error_description') ?? ''}`,
      );
    if (callback.searchParams.get('state') !== state)
      throw new OidcLoginError('UNEXPECTED_RESPONSE', 'state mismatch');
    const code = callback.searchParams.get('code');
    if (!code) throw new OidcLoginError('UNEXPECTED_RESPONSE', `no code in ${callback.href}`);

    const tokens = await requestTokens(metadata.token_endpoint, dispatcher, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: options.redirectUri,
      client_id: options.clientId,
      code_verifier: verifier,
    });
    return { tokens, cookieHeaderFor: (url) => jar.headerFor(url) };
  } finally {
    await dispatcher.close();
  }
}

export interface RefreshOptions {
  authorityUrl: string;
  clientId: string;
  refreshToken: string;
  scope?: string;
  caCertPem: string;
}

/** The refresh_token grant exactly as MSAL sends it (scope includes offline_access). */
export async function refreshAccessToken(options: RefreshOptions): Promise<OidcTokens> {
  const dispatcher = new Agent({ connect: { ca: options.caCertPem } });
  try {
    const metadata = await discover(options.authorityUrl, dispatcher);
    return await requestTokens(metadata.token_endpoint, dispatcher, {
      grant_type: 'refresh_token',
      refresh_token: options.refreshToken,
      client_id: options.clientId,
      scope: options.scope ?? DEFAULT_LOGIN_SCOPE,
    });
  } finally {
    await dispatcher.close();
  }
}

interface Metadata {
  authorization_endpoint: string;
  token_endpoint: string;
}

async function discover(authorityUrl: string, dispatcher: Agent): Promise<Metadata> {
  const base = authorityUrl.replace(/\/+$/, '');
  // MSAL's AAD mode appends /v2.0 to the authority; accept the issuer or the authority.
  for (const candidate of [
    `${base}/.well-known/openid-configuration`,
    `${base}/v2.0/.well-known/openid-configuration`,
  ]) {
    const response = await fetch(candidate, { dispatcher });
    if (response.ok) return (await response.json()) as Metadata;
    await response.body?.cancel();
  }
  throw new OidcLoginError('DISCOVERY_FAILED', `no OpenID configuration under ${base}`);
}

async function followToRedirectUri(
  start: URL,
  options: OidcLoginOptions,
  jar: CookieJar,
  dispatcher: Agent,
): Promise<URL> {
  let next: { url: URL; form?: URLSearchParams } = { url: start };
  let loginPosted = false;
  for (let hop = 0; hop < MAX_HOPS; hop += 1) {
    if (next.url.href.startsWith(options.redirectUri)) return next.url;
    const response = await send(next.url, jar, dispatcher, next.form);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      next = { url: new URL(location, next.url) };
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*\saction="([^"]+)"/i.exec(html)?.[1];
    if (!action || !/name="password"/.test(html)) {
      throw new OidcLoginError(
        'UNEXPECTED_RESPONSE',
        `HTTP ${response.status} at ${next.url.href}: ${html.slice(0, 300)}`,
      );
    }
    if (loginPosted)
      throw new OidcLoginError(
        'LOGIN_REFUSED',
        `the authority refused ${options.username}'s credentials`,
      );
    loginPosted = true;
    next = {
      url: new URL(action.replace(/&amp;/g, '&'), next.url),
      form: new URLSearchParams({ username: options.username, password: options.password }),
    };
  }
  throw new OidcLoginError('UNEXPECTED_RESPONSE', `more than ${MAX_HOPS} redirects`);
}

async function send(
  url: URL,
  jar: CookieJar,
  dispatcher: Agent,
  form?: URLSearchParams,
): Promise<Response> {
  const headers: Record<string, string> = { accept: 'text/html' };
  const cookie = jar.headerFor(url);
  if (cookie) headers.cookie = cookie;
  if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
  const response = await fetch(url, {
    method: form ? 'POST' : 'GET',
    headers,
    body: form?.toString(),
    redirect: 'manual',
    dispatcher,
  });
  jar.store(response.headers.getSetCookie());
  return response;
}

async function requestTokens(
  tokenEndpoint: string,
  dispatcher: Agent,
  form: Record<string, string>,
): Promise<OidcTokens> {
  const response = await fetch(tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
    dispatcher,
  });
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok)
    throw new OidcLoginError(
      'TOKEN_ERROR',
      `${String(body.error)}: ${String(body.error_description ?? '')}`,
    );
  return {
    accessToken: String(body.access_token),
    idToken: String(body.id_token),
    refreshToken: String(body.refresh_token),
    expiresIn: Number(body.expires_in),
    scope: String(body.scope),
  };
}

interface Cookie {
  name: string;
  value: string;
  path: string;
}

/** Just enough of RFC 6265 for one host: name, value, path and deletion. */
class CookieJar {
  private readonly cookies = new Map<string, Cookie>();

  store(setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const cookie: Cookie = { name: pair.slice(0, eq), value: pair.slice(eq + 1), path: '/' };
      let expired = false;
      for (const attribute of attributes) {
        const [key = '', value = ''] = attribute.split('=');
        const name = key.toLowerCase();
        if (name === 'path' && value.startsWith('/')) cookie.path = value;
        if (name === 'max-age' && Number(value) <= 0) expired = true;
        if (name === 'expires' && Date.parse(value) <= Date.now()) expired = true;
      }
      const key = `${cookie.name};${cookie.path}`;
      if (expired) this.cookies.delete(key);
      else this.cookies.set(key, cookie);
    }
  }

  headerFor(url: URL): string {
    return [...this.cookies.values()]
      .filter((cookie) => pathMatches(url.pathname, cookie.path))
      .sort((a, b) => b.path.length - a.path.length)
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join('; ');
  }
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}
