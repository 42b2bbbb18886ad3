import { EventType, PublicClientApplication } from '@azure/msal-browser';
import type { AuthenticationResult } from '@azure/msal-browser';
import type { SpaConfig } from '../../../contracts/api';

/**
 * One MSAL instance per page load, configured from /config.json. Production (Entra ID) and the
 * local authority differ only in authority and knownAuthorities: the local issuer is Entra-shaped
 * (https://host:port/<tenant>/v2.0), so the default AAD protocol mode works for both
 * (docs/reference/stack-facts.md#msal-against-a-local-authority).
 */
export async function createMsalInstance(config: SpaConfig): Promise<PublicClientApplication> {
  const origin = window.location.origin;
  const pca = new PublicClientApplication({
    auth: {
      clientId: config.auth.clientId,
      authority: config.auth.authority,
      knownAuthorities: config.auth.knownAuthorities,
      redirectUri: `${origin}/`,
      postLogoutRedirectUri: `${origin}/`,
    },
    cache: { cacheLocation: 'sessionStorage' },
  });
  await pca.initialize();
  const [firstAccount] = pca.getAllAccounts();
  if (!pca.getActiveAccount() && firstAccount) pca.setActiveAccount(firstAccount);
  pca.addEventCallback((event) => {
    if (
      (event.eventType === EventType.LOGIN_SUCCESS ||
        event.eventType === EventType.ACQUIRE_TOKEN_SUCCESS) &&
      event.payload
    ) {
      const result = event.payload as AuthenticationResult;
      if (result.account) pca.setActiveAccount(result.account);
    }
  });
  return pca;
}
