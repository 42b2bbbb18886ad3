import { InteractionRequiredAuthError } from '@azure/msal-browser';
import type { IPublicClientApplication } from '@azure/msal-browser';
import { ApiError } from '../../lib/api-error';
import type { AccessTokenProvider } from '../../lib/api-client';

function signInRequired(): ApiError {
  return new ApiError({
    code: 'SIGN_IN_REQUIRED',
    status: 401,
    message: 'Sign-in is required to call the server.',
  });
}

/**
 * Silent renewal first (cache, then the refresh token); when the authority needs the user again,
 * fall back to a full-page redirect, which returns to the current page after sign-in.
 */
export function createAccessTokenProvider(
  pca: IPublicClientApplication,
  apiScope: string,
): AccessTokenProvider {
  return async () => {
    const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0];
    if (!account) throw signInRequired();
    try {
      const result = await pca.acquireTokenSilent({ scopes: [apiScope], account });
      return result.accessToken;
    } catch (error) {
      if (error instanceof InteractionRequiredAuthError) {
        await pca.acquireTokenRedirect({
          scopes: [apiScope],
          account,
          redirectStartPage: window.location.href,
        });
      }
      throw signInRequired();
    }
  };
}
