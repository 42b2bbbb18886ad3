// Tweak 3 of docs/reference/stack-facts.md#oidc-provider-tweaks: MSAL's logoutRedirect sends
// post_logout_redirect_uri without client_id (and without id_token_hint unless the app passes
// idTokenHint). oidc-provider then can't tell whose redirect URI it is and ends on its own "signed
// out" page instead of the app. Entra resolves it; here the authority has exactly one client, so
// name it.

const END_SESSION_PATH = '/session/end';

export function addLogoutClientId(
  pathWithinIssuer: string,
  search: string,
  clientId: string,
): string {
  if (pathWithinIssuer !== END_SESSION_PATH) return search;
  const params = new URLSearchParams(search);
  if (
    !params.has('post_logout_redirect_uri') ||
    params.has('client_id') ||
    params.has('id_token_hint')
  )
    return search;
  params.set('client_id', clientId);
  return `?${params.toString()}`;
}
