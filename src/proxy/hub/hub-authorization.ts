import type { TokenCredential } from '@azure/identity';
import type { HubCredentials } from './connection-string';
import { HubRequestError } from './hub-errors';
import { createSasTokenCache } from './sas-token';

// The `Authorization` value of a hub call: a SAS token signed with a shared access policy's key,
// or a Microsoft Entra access token for the hub's data plane (docs/proxy.md, "Reaching the hub
// with an identity"). A hub governed by Entra RBAC and `disableLocalAuth` refuses every SAS.

export type HubAuthorization = () => Promise<string>;

/** The hub service API's resource; every IoT hub accepts tokens for it (docs/deploy.md). */
export const IOT_HUB_TOKEN_SCOPE = 'https://iothubs.azure.net/.default';

export function sasAuthorization(credentials: HubCredentials, now: () => Date): HubAuthorization {
  const token = createSasTokenCache(credentials, { now });
  return () => Promise.resolve(token());
}

export interface EntraAuthorizationOptions {
  now: () => Date;
  /**
   * Ask for a new token this long before the cached one expires, so a slow or retried call never
   * carries a token that expires in flight (the SAS cache keeps the same margin).
   */
  renewBeforeMs?: number;
}

export function entraAuthorization(
  credential: TokenCredential,
  options: EntraAuthorizationOptions,
): HubAuthorization {
  const renewBefore = options.renewBeforeMs ?? 5 * 60_000;
  let cached: { header: string; expiresAt: number } | undefined;
  // Concurrent calls at expiry share one token request instead of each asking the authority.
  let pending: Promise<string> | undefined;

  const fetchToken = async (): Promise<string> => {
    let token;
    try {
      token = await credential.getToken(IOT_HUB_TOKEN_SCOPE);
    } catch (error) {
      throw credentialError(error instanceof Error ? error.message : String(error));
    }
    if (!token?.token) throw credentialError('the credential returned no token');
    const header = `Bearer ${token.token}`;
    cached = { header, expiresAt: token.expiresOnTimestamp };
    return header;
  };

  return () => {
    if (cached && cached.expiresAt - renewBefore > options.now().getTime())
      return Promise.resolve(cached.header);
    pending ??= fetchToken().finally(() => {
      pending = undefined;
    });
    return pending;
  };
}

// A credential that cannot produce a token is the proxy's identity being refused: the same
// HUB_UNAUTHORIZED a hub's 401 becomes (hub-errors.ts), never retried.
function credentialError(reason: string): HubRequestError {
  return new HubRequestError(
    401,
    'CredentialUnavailable',
    `no Entra token for ${IOT_HUB_TOKEN_SCOPE}: ${reason}`,
  );
}
