import type { IncomingMessage } from 'node:http';
import { readSmallBody } from './read-body';

// Tweak 2 of docs/reference/stack-facts.md#oidc-provider-tweaks: MSAL re-sends `openid profile
// offline_access <api scope>` on the refresh_token grant. The refresh token never holds
// offline_access (oidc-provider drops it without prompt=consent), so oidc-provider answers
// `invalid_scope`. Entra ignores it; here the scope is stripped before oidc-provider sees the
// request. oidc-provider reads a pre-read `req.body` (and warns once that an upstream body parser
// is present).

const FORM = 'application/x-www-form-urlencoded';
const MAX_BODY_BYTES = 56 * 1024;

export async function stripOfflineAccessOnRefresh(
  req: IncomingMessage,
  pathWithinIssuer: string,
): Promise<void> {
  if (req.method !== 'POST' || pathWithinIssuer !== '/token') return;
  if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith(FORM)) return;

  const form = new URLSearchParams(await readSmallBody(req, MAX_BODY_BYTES));
  const scope = form.get('scope');
  if (form.get('grant_type') === 'refresh_token' && scope) {
    form.set(
      'scope',
      scope
        .split(' ')
        .filter((token) => token && token !== 'offline_access')
        .join(' '),
    );
  }
  (req as IncomingMessage & { body?: string }).body = form.toString();
}
