import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRemoteJWKSet, customFetch, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  API_AUDIENCE,
  ROLES,
  SPA_CLIENT_ID,
  TENANT_ID,
  TEST_USERS,
} from '../../../src/dev-stack/identity-defaults';
import {
  createOidcAuthority,
  type OidcAuthority,
} from '../../../src/dev-stack/oidc/create-oidc-authority';
import { ensureLocalTls, type LocalTls } from '../../../src/local-ca/local-ca';
import {
  OidcLoginError,
  loginForAccessToken,
  refreshAccessToken,
  signInWithSession,
} from '../../support/oidc-login';
import { trustingFetch } from './trusting-fetch';

const APP_ORIGIN = 'http://localhost:4280';
const REDIRECT_URI = `${APP_ORIGIN}/`;
const admin = TEST_USERS.find((user) => user.username === 'admin')!;
const support = TEST_USERS.find((user) => user.username === 'support')!;

let dir: string;
let tls: LocalTls;
let authority: OidcAuthority;
let http: ReturnType<typeof trustingFetch>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'oidc-authority-'));
  tls = await ensureLocalTls(path.join(dir, 'tls'));
  authority = await createOidcAuthority({
    tls,
    keyDir: path.join(dir, 'oidc'),
    appOrigins: [APP_ORIGIN],
    port: 0,
  });
  http = trustingFetch(tls.caCertPem);
});

afterAll(async () => {
  await authority?.close();
  await http?.close();
  await rm(dir, { recursive: true, force: true });
});

const signIn = (username: string, password: string) =>
  loginForAccessToken({
    authorityUrl: authority.issuer,
    clientId: SPA_CLIENT_ID,
    redirectUri: REDIRECT_URI,
    username,
    password,
    caCertPem: tls.caCertPem,
  });

const verify = (token: string, audience: string) =>
  jwtVerify(token, createRemoteJWKSet(new URL(authority.jwksUri), { [customFetch]: http.fetch }), {
    issuer: authority.issuer,
    audience,
    algorithms: ['RS256'],
  });

/** An authorization request with a (fixed, test-only) PKCE challenge. */
const authorizeUrl = (): URL => {
  const url = new URL(`${authority.issuer}/auth`);
  url.search = new URLSearchParams({
    client_id: SPA_CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: 'openid',
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
  }).toString();
  return url;
};

describe('local OIDC authority', () => {
  it('serves its discovery document where MSAL looks for it in AAD mode', async () => {
    const response = await http.fetch(
      `${authority.authority}/v2.0/.well-known/openid-configuration`,
    );
    const metadata = (await response.json()) as Record<string, unknown>;
    expect(authority.issuer).toBe(`${authority.url}/${TENANT_ID}/v2.0`);
    expect(metadata.issuer).toBe(authority.issuer);
    expect(metadata.jwks_uri).toBe(authority.jwksUri);
    expect(String(metadata.authorization_endpoint)).toMatch(new RegExp(`^${authority.issuer}/`));
    expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
  });

  it('issues an Entra-shaped access token for the admin that jose verifies against the JWKS', async () => {
    const tokens = await signIn(admin.username, admin.password);
    const { payload, protectedHeader } = await verify(tokens.accessToken, API_AUDIENCE);
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({
      iss: authority.issuer,
      aud: API_AUDIENCE,
      sub: admin.oid,
      oid: admin.oid,
      tid: TENANT_ID,
      name: 'Ada Admin',
      preferred_username: 'admin',
      roles: [ROLES.admin],
      scp: 'access_as_user',
      azp: SPA_CLIENT_ID,
      client_id: SPA_CLIENT_ID,
    });
    expect(payload.nbf).toBe(payload.iat);
    expect(payload.exp).toBeGreaterThan(payload.iat!);
    expect(tokens.scope).toBe('api://iot-bulk-api/access_as_user');
  });

  it('puts name, username, oid, tid and roles in the ID token for the SPA', async () => {
    const tokens = await signIn(support.username, support.password);
    const { payload } = await verify(tokens.idToken, SPA_CLIENT_ID);
    expect(payload).toMatchObject({
      oid: support.oid,
      tid: TENANT_ID,
      name: 'Sam Support',
      preferred_username: 'support',
      roles: [ROLES.support],
    });
    expect(decodeJwt(tokens.accessToken).roles).toEqual([ROLES.support]);
  });

  it('refuses a wrong password', async () => {
    await expect(signIn(admin.username, 'not-the-password')).rejects.toMatchObject({
      code: 'LOGIN_REFUSED',
    });
    await expect(signIn('nobody', 'admin-local')).rejects.toBeInstanceOf(OidcLoginError);
  });

  it('renews through the refresh grant when the request repeats offline_access, as MSAL does', async () => {
    const tokens = await signIn(admin.username, admin.password);
    expect(tokens.refreshToken).not.toBe('undefined');
    const renewed = await refreshAccessToken({
      authorityUrl: authority.authority,
      clientId: SPA_CLIENT_ID,
      refreshToken: tokens.refreshToken,
      scope: 'openid profile offline_access api://iot-bulk-api/access_as_user',
      caCertPem: tls.caCertPem,
    });
    const { payload } = await verify(renewed.accessToken, API_AUDIENCE);
    expect(payload.roles).toEqual([ROLES.admin]);
    expect(renewed.accessToken).not.toBe(tokens.accessToken);
  });

  it("answers CORS on the token endpoint for the app's origin only", async () => {
    const tokenUrl = `${authority.issuer}/token`;
    const allowed = await http.fetch(tokenUrl, {
      method: 'OPTIONS',
      headers: { origin: APP_ORIGIN, 'access-control-request-method': 'POST' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    const tokens = await signIn(admin.username, admin.password);
    const refused = await http.fetch(tokenUrl, {
      method: 'POST',
      headers: {
        origin: 'http://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: tokens.refreshToken,
        client_id: SPA_CLIENT_ID,
      }).toString(),
    });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses an authorization request without PKCE', async () => {
    const url = new URL(`${authority.issuer}/auth`);
    url.search = new URLSearchParams({
      client_id: SPA_CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: 'openid',
    }).toString();
    const response = await http.fetch(url, { redirect: 'manual' });
    const location = new URL(response.headers.get('location') ?? '', url);
    expect(location.origin + location.pathname).toBe(REDIRECT_URI);
    expect(location.searchParams.get('error')).toBe('invalid_request');
  });

  it('shows an accessible login form and an error for a wrong password', async () => {
    const url = authorizeUrl();
    const start = await http.fetch(url, { redirect: 'manual' });
    const cookie = start.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ');
    const loginUrl = new URL(start.headers.get('location') ?? '', url);
    const form = await (await http.fetch(loginUrl, { headers: { cookie } })).text();
    expect(form).toContain('<label for="username">Username</label>');
    expect(form).toContain('<label for="password">Password</label>');
    expect(form).toMatch(/<button type="submit">Sign in<\/button>/);

    const refused = await http.fetch(loginUrl, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'admin', password: 'wrong' }).toString(),
    });
    expect(refused.status).toBe(401);
    expect(await refused.text()).toMatch(/role="alert"[^>]*>Wrong username or password\./);
  });

  it.each([
    ['with an id_token_hint', true],
    ['with only post_logout_redirect_uri, as MSAL sends it', false],
  ])(
    'signs out %s, without a confirmation question, and forgets the session',
    async (_label, withHint) => {
      const session = await signInWithSession({
        authorityUrl: authority.issuer,
        clientId: SPA_CLIENT_ID,
        redirectUri: REDIRECT_URI,
        username: admin.username,
        password: admin.password,
        caCertPem: tls.caCertPem,
      });
      const endSession = new URL(`${authority.issuer}/session/end`);
      endSession.search = new URLSearchParams({
        ...(withHint ? { id_token_hint: session.tokens.idToken } : {}),
        post_logout_redirect_uri: REDIRECT_URI,
      }).toString();
      const page = await (
        await http.fetch(endSession, { headers: { cookie: session.cookieHeaderFor(endSession) } })
      ).text();
      expect(page).toContain(`document.getElementById('logout').click()`);
      expect(page).not.toContain('fonts.googleapis.com');

      const action = new URL(/<form[^>]*action="([^"]+)"/.exec(page)?.[1] ?? '', endSession);
      const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
      const confirmed = await http.fetch(action, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          cookie: session.cookieHeaderFor(action),
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ xsrf, logout: 'yes' }).toString(),
      });
      expect(confirmed.status).toBe(303);
      expect(confirmed.headers.get('location')).toBe(REDIRECT_URI);

      const again = authorizeUrl();
      const next = await http.fetch(again, {
        redirect: 'manual',
        headers: { cookie: session.cookieHeaderFor(again) },
      });
      expect(new URL(next.headers.get('location') ?? '', again).pathname).toMatch(
        /^\/interaction\//,
      );
    },
  );

  it('keeps its signing key and kid across a restart', async () => {
    const tokens = await signIn(admin.username, admin.password);
    const kid = decodeProtectedHeader(tokens.accessToken).kid;
    await authority.close();
    authority = await createOidcAuthority({
      tls,
      keyDir: path.join(dir, 'oidc'),
      appOrigins: [APP_ORIGIN],
      port: 0,
    });

    const jwks = (await (await http.fetch(authority.jwksUri)).json()) as {
      keys: { kid: string }[];
    };
    expect(jwks.keys.map((key) => key.kid)).toEqual([kid]);
    const again = await signIn(admin.username, admin.password);
    expect(decodeProtectedHeader(again.accessToken).kid).toBe(kid);
  });
});

describe('local OIDC authority, password throttling and framing', () => {
  let clock = Date.parse('2026-12-04T12:00:00Z');
  let throttled: OidcAuthority;
  const agents = new Map<string, Agent>();
  // Two loopback source addresses stand for two client computers: Linux routes all of 127/8 to lo.
  const from = (localAddress: string): Agent => {
    let agent = agents.get(localAddress);
    if (!agent) {
      agent = new Agent({ connect: { ca: tls.caCertPem }, localAddress });
      agents.set(localAddress, agent);
    }
    return agent;
  };

  beforeAll(async () => {
    throttled = await createOidcAuthority({
      tls,
      keyDir: path.join(dir, 'oidc-throttled'),
      appOrigins: [APP_ORIGIN],
      port: 0,
      loginThrottle: { now: () => clock },
    });
  });

  afterAll(async () => {
    await throttled?.close();
    await Promise.all([...agents.values()].map((agent) => agent.close()));
  });

  /** Starts a sign-in from one address and posts the login form once. */
  const attempt = async (username: string, password: string, localAddress = '127.0.0.1') => {
    const dispatcher = from(localAddress);
    const authorize = new URL(`${throttled.issuer}/auth`);
    authorize.search = authorizeUrl().search;
    const start = await undiciFetch(authorize, { redirect: 'manual', dispatcher });
    await start.body?.cancel();
    const cookie = start.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ');
    const loginUrl = new URL(start.headers.get('location') ?? '', authorize);
    return undiciFetch(loginUrl, {
      method: 'POST',
      redirect: 'manual',
      dispatcher,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username, password }).toString(),
    });
  };

  it('pauses sign-in after five wrong passwords a minute, per account and per address, with a page saying when to retry', async () => {
    for (let i = 0; i < 5; i += 1) {
      const refused = await attempt(admin.username, `wrong-${i}`);
      expect(refused.status).toBe(401);
      await refused.body?.cancel();
      clock += 1_000;
    }

    const locked = await attempt(admin.username, admin.password);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('55');
    expect(await locked.text()).toMatch(
      /role="alert"[^>]*>Too many wrong passwords [^<]*Try again in 55 seconds\./,
    );

    // The account is paused from another address too ...
    const otherComputer = await attempt(admin.username, admin.password, '127.0.0.2');
    expect(otherComputer.status).toBe(429);
    await otherComputer.body?.cancel();
    // ... and the address is paused for another account ...
    const otherAccount = await attempt(support.username, support.password);
    expect(otherAccount.status).toBe(429);
    await otherAccount.body?.cancel();
    // ... while another account from another address signs in.
    const unrelated = await attempt(support.username, support.password, '127.0.0.2');
    expect(unrelated.status).toBe(303);
    await unrelated.body?.cancel();

    clock += 55_000;
    const later = await attempt(admin.username, admin.password);
    expect(later.status).toBe(303);
    await later.body?.cancel();
  });

  it('forbids framing of its login page, its error page and its sign-out page', async () => {
    const dispatcher = from('127.0.0.1');
    const login = await undiciFetch(new URL(`${throttled.issuer}/auth${authorizeUrl().search}`), {
      redirect: 'manual',
      dispatcher,
    });
    await login.body?.cancel();
    const cookie = login.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ');
    const pages = [
      await undiciFetch(new URL(login.headers.get('location') ?? '', throttled.issuer), {
        headers: { cookie },
        dispatcher,
      }),
      await undiciFetch(`${throttled.issuer}/auth?client_id=unknown-client`, { dispatcher }),
      await undiciFetch(`${throttled.issuer}/session/end`, { dispatcher }),
    ];
    for (const page of pages) {
      expect({
        url: page.url,
        type: page.headers.get('content-type'),
        csp: page.headers.get('content-security-policy'),
        xfo: page.headers.get('x-frame-options'),
      }).toEqual({
        url: page.url,
        type: expect.stringMatching(/^text\/html/),
        csp: "frame-ancestors 'none'",
        xfo: 'DENY',
      });
      await page.body?.cancel();
    }
  });
});
