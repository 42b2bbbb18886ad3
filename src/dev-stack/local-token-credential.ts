import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import { Agent, fetch } from 'undici';
import type { ServicePrincipal } from './identity-defaults';

// The local stand-in for a managed identity: a TokenCredential that gets app-only tokens from the
// dev stack's authority by the client credentials grant, as ClientSecretCredential does against
// Entra. The proxy and the hub emulator take it wherever DefaultAzureCredential goes in Azure.

export interface LocalTokenCredentialOptions {
  /** `https://localhost:<port>/<tenant>/oauth2/v2.0/token` (OidcAuthority.tokenEndpoint). */
  tokenEndpoint: string;
  principal: Pick<ServicePrincipal, 'clientId' | 'secret'>;
  /** The local CA, which signed the authority's certificate. */
  caPem: string;
}

export interface LocalTokenCredential extends TokenCredential {
  /** How many tokens were fetched: lets tests see a cache at work. */
  readonly requests: number;
  close(): Promise<void>;
}

export function createLocalTokenCredential(
  options: LocalTokenCredentialOptions,
): LocalTokenCredential {
  const dispatcher = new Agent({ connect: { ca: options.caPem } });
  let requests = 0;
  return {
    get requests() {
      return requests;
    },
    async getToken(scopes: string | string[], request?: GetTokenOptions): Promise<AccessToken> {
      const scope = Array.isArray(scopes) ? scopes.join(' ') : scopes;
      requests++;
      const response = await fetch(options.tokenEndpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: options.principal.clientId,
          client_secret: options.principal.secret,
          scope,
        }).toString(),
        redirect: 'error',
        signal: AbortSignal.timeout(request?.requestOptions?.timeout ?? 10_000),
        dispatcher,
      });
      const body = (await response.json()) as {
        access_token?: string;
        expires_in?: number;
        error_description?: string;
      };
      if (!response.ok || !body.access_token || !body.expires_in)
        throw new Error(
          `LocalTokenCredential: ${body.error_description ?? `HTTP ${response.status}`}`,
        );
      return { token: body.access_token, expiresOnTimestamp: Date.now() + body.expires_in * 1000 };
    },
    close: () => dispatcher.close(),
  };
}
