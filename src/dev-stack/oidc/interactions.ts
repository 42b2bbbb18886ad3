import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { errors } from 'oidc-provider';
import { API_AUDIENCE, API_SCOPE, SPA_CLIENT_ID } from '../identity-defaults';
import type { UserDirectory } from './accounts';
import { forbidFraming } from './forbid-framing';
import { accountKey, addressKey, type LoginThrottle } from './login-throttle';
import { errorPage, loginPage } from './pages';
import { readSmallBody } from './read-body';

// The authority's own interaction pages at /interaction/:uid, outside oidc-provider's routes (its
// devInteractions are off). oidc-provider keeps the pending request in a cookie scoped to this
// path; we only show the form, check the password and hand the account id back.

const INTERACTION_PATH = /^\/interaction\/([\w-]+)$/;
const MAX_FORM_BYTES = 8 * 1024;

export function isInteractionPath(pathname: string): boolean {
  return INTERACTION_PATH.test(pathname);
}

export async function handleInteraction(
  provider: Provider,
  users: UserDirectory,
  throttle: LoginThrottle,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  res.setHeader('Cache-Control', 'no-store');
  forbidFraming(res);
  let details;
  try {
    details = await provider.interactionDetails(req, res);
  } catch (error) {
    if (error instanceof errors.SessionNotFound) {
      return sendHtml(
        res,
        400,
        errorPage({
          error:
            'This sign-in request has expired or was already used. Go back to the app and sign in again.',
        }),
      );
    }
    throw error;
  }

  const action = `/interaction/${details.uid}`;
  const clientId =
    typeof details.params.client_id === 'string' ? details.params.client_id : SPA_CLIENT_ID;

  if (details.prompt.name !== 'login') {
    // loadExistingGrant pre-approves everything, so a consent prompt only shows up for odd
    // requests; approve what is missing, as an admin-consented Entra app would.
    const grant = new provider.Grant({ accountId: details.session?.accountId, clientId });
    const missing = details.prompt.details;
    if (Array.isArray(missing.missingOIDCScope))
      grant.addOIDCScope(missing.missingOIDCScope as string[]);
    grant.addResourceScope(API_AUDIENCE, API_SCOPE);
    const grantId = await grant.save();
    return provider.interactionFinished(
      req,
      res,
      { consent: { grantId } },
      { mergeWithLastSubmission: true },
    );
  }

  if (req.method === 'GET') return sendHtml(res, 200, loginPage({ action, clientId }));
  if (req.method !== 'POST')
    return sendHtml(res, 405, errorPage({ error: `Method ${req.method ?? ''} not allowed` }));

  const form = new URLSearchParams(await readSmallBody(req, MAX_FORM_BYTES));
  const username = form.get('username') ?? '';
  const keys = [accountKey(username), addressKey(req.socket.remoteAddress)];
  // Checked before the password, so a locked account stays locked even for the right guess.
  const waitMs = throttle.retryAfterMs(keys);
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    res.setHeader('Retry-After', String(seconds));
    return sendHtml(
      res,
      429,
      loginPage({ action, clientId, username, error: tooManyAttempts(seconds) }),
    );
  }
  const user = users.authenticate(username, form.get('password') ?? '');
  if (!user) {
    throttle.recordFailure(keys);
    return sendHtml(
      res,
      401,
      loginPage({ action, clientId, username, error: 'Wrong username or password.' }),
    );
  }
  throttle.clear(accountKey(username));
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: user.oid } },
    { mergeWithLastSubmission: false },
  );
}

function tooManyAttempts(seconds: number): string {
  return (
    `Too many wrong passwords for this account or from this computer in the last minute, so ` +
    `sign-in is paused. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`
  );
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.end(html);
}
