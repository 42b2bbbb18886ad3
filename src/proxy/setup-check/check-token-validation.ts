import type { CheckOutcome, SetupCheckDeps } from './setup-check-deps';
import { ok } from './setup-check-deps';

// The settings the proxy verifies sign-in tokens with: the authority's keys must be reachable, and
// the audience the proxy expects must be the API the SPA asks tokens for. A mismatch makes every
// request 401 right after a successful sign-in, the most confusing first failure.

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function checkTokenValidation(
  deps: Pick<SetupCheckDeps, 'auth' | 'fetch'>,
): Promise<CheckOutcome> {
  const { jwksUri, audience, apiScope, issuer } = deps.auth;
  const host = new URL(jwksUri).host;
  let keys = 0;
  try {
    const response = await deps.fetch(jwksUri, { method: 'GET' });
    const body = response.status === 200 ? (JSON.parse(await response.text()) as unknown) : {};
    const list = (body as { keys?: unknown }).keys;
    keys = Array.isArray(list) ? list.length : 0;
    if (keys === 0)
      return {
        status: 'problem',
        code: 'AUTHORITY_NO_KEYS',
        summary: `The token signing keys at ${jwksUri} answered HTTP ${response.status} with no keys.`,
        fix: 'Check AUTH_TENANT_ID (or AUTH_JWKS_URI): it must name your Entra tenant, whose keys are at https://login.microsoftonline.com/<tenant>/discovery/v2.0/keys.',
        details: { jwksUri, status: String(response.status) },
      };
  } catch (error) {
    return {
      status: 'problem',
      code: 'AUTHORITY_UNREACHABLE',
      summary: `The proxy cannot reach the token signing keys at ${host}: ${reason(error)}.`,
      fix: `Allow outbound HTTPS from the proxy to ${host} (firewall, DNS, egress proxy), and check AUTH_TENANT_ID or AUTH_JWKS_URI.`,
      details: { jwksUri },
    };
  }
  const resource = apiScope.slice(0, Math.max(apiScope.lastIndexOf('/'), 0));
  const matches = resource === audience || (GUID.test(audience) && apiScope.includes(audience));
  if (!matches) {
    const detail = { audience, apiScope };
    // A v2 token's audience is the API's client id, whose App ID URI may be any name: a GUID that
    // the scope does not contain cannot be confirmed from here, only suspected.
    return {
      status: GUID.test(audience) ? 'warning' : 'problem',
      code: 'AUDIENCE_MISMATCH',
      summary: `The proxy expects tokens for '${audience}', but the SPA asks for '${apiScope}', whose API is '${resource}'. Signed-in users would get 401 on every call.`,
      fix: "Set AUTH_AUDIENCE to the API app registration's client id (v2 tokens) or its Application ID URI (v1), and SPA_API_SCOPE to <Application ID URI>/access_as_user of the same app.",
      details: detail,
    };
  }
  return ok(
    `Signing keys reachable (${keys}); tokens for '${audience}' from ${issuer} are accepted.`,
    {
      issuer,
      audience,
    },
  );
}

export function reason(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
