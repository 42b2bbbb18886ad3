import type { Configuration, Grant, KoaContextWithOIDC } from 'oidc-provider';
import { errors } from 'oidc-provider';
import {
  API_AUDIENCE,
  API_SCOPE,
  API_SCOPE_NAME,
  SPA_CLIENT_ID,
  redirectUriFor,
} from '../identity-defaults';
import type { UserDirectory } from './accounts';
import { createMemoryAdapterFactory } from './memory-adapter';
import { errorPage, logoutPage, signedOutPage } from './pages';
import type { SigningKey } from './signing-key-store';

// oidc-provider set up to answer MSAL the way Entra ID does. Every deviation from the library's
// defaults below is one of the tweaks in
// docs/reference/stack-facts.md#msal-against-a-local-authority and #oidc-provider-tweaks.

export interface ProviderConfigInput {
  signingKey: SigningKey;
  users: UserDirectory;
  /** Origins the SPA is served from; each gets `<origin>/` as redirect and post-logout URI. */
  appOrigins: readonly string[];
  cookieKeys: string[];
}

const ACCESS_TOKEN_TTL_SECONDS = 3600;
const HOUR = 3600;
// Entra-like lifetimes: one-hour access and ID tokens, a day of refresh for an SPA. Setting them
// explicitly also silences oidc-provider's "default ttl function called" notices.
const TTL = {
  AccessToken: ACCESS_TOKEN_TTL_SECONDS,
  IdToken: HOUR,
  AuthorizationCode: 60,
  RefreshToken: 24 * HOUR,
  Interaction: HOUR,
  Session: 24 * HOUR,
  Grant: 24 * HOUR,
};
const OIDC_SCOPES = ['openid', 'profile', 'offline_access'];

export function buildProviderConfig(input: ProviderConfigInput): Configuration {
  const redirectUris = [...new Set(input.appOrigins.map(redirectUriFor))];
  const allowedOrigins = new Set(input.appOrigins.map((origin) => new URL(origin).origin));

  return {
    adapter: createMemoryAdapterFactory(),
    clients: [
      {
        client_id: SPA_CLIENT_ID,
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: redirectUris,
        post_logout_redirect_uris: redirectUris,
      },
    ],
    jwks: { keys: [input.signingKey] },
    cookies: { keys: input.cookieKeys },
    findAccount: input.users.findAccount,
    scopes: OIDC_SCOPES,
    claims: { openid: ['sub', 'oid', 'tid', 'roles'], profile: ['name', 'preferred_username'] },
    // Entra puts name, preferred_username and roles in the ID token whatever the response type.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    ttl: TTL,
    // MSAL's token POST is a CORS request from the SPA's origin.
    clientBasedCORS: (_ctx, origin) => allowedOrigins.has(origin),
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        // MSAL never sends `resource`; Entra derives the API from the scope, so default to the one
        // API.
        defaultResource: async () => API_AUDIENCE,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, resourceIndicator) => {
          if (resourceIndicator !== API_AUDIENCE) throw new errors.InvalidTarget();
          return {
            scope: API_SCOPE,
            audience: API_AUDIENCE,
            accessTokenTTL: ACCESS_TOKEN_TTL_SECONDS,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = 'html';
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = 'html';
          ctx.body = signedOutPage();
        },
      },
    },
    // Tweak 1: oidc-provider drops `offline_access` unless prompt=consent, which MSAL never sends;
    // Entra issues a refresh token to an SPA regardless, and MSAL's silent renewal depends on it.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    extraTokenClaims: async (_ctx, token) => {
      const accountId = 'accountId' in token ? token.accountId : undefined;
      const profile = accountId ? input.users.profileClaims(accountId) : undefined;
      return { ...profile, scp: API_SCOPE_NAME, azp: token.clientId };
    },
    formats: {
      customizers: {
        jwt: (_ctx, _token, parts) => {
          // Entra access tokens carry nbf; oidc-provider's JWT format does not.
          parts.payload.nbf = parts.payload.iat;
        },
      },
    },
    // Tweak 4: a first-party app registration has admin consent, so there is never a consent page.
    loadExistingGrant: loadFirstPartyGrant,
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage({ error: out.error, error_description: out.error_description });
    },
  };
}

async function loadFirstPartyGrant(ctx: KoaContextWithOIDC): Promise<Grant | undefined> {
  const { client, session, account, provider } = ctx.oidc;
  if (!client || !session || !account) return undefined;
  const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
  const existing = grantId ? await provider.Grant.find(grantId) : undefined;
  const grant =
    existing && existing.accountId === account.accountId
      ? existing
      : new provider.Grant({ clientId: client.clientId, accountId: account.accountId });
  grant.addOIDCScope(OIDC_SCOPES);
  grant.addResourceScope(API_AUDIENCE, API_SCOPE);
  await grant.save();
  return grant;
}
