import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { SignJWT, importJWK } from 'jose';
import {
  SERVICE_PRINCIPALS,
  STORAGE_TOKEN_ISSUER,
  TENANT_ID,
  TOKEN_AUDIENCES,
  type ServicePrincipal,
} from '../identity-defaults';
import { readSmallBody } from './read-body';
import type { SigningKey } from './signing-key-store';

// Entra's client credentials grant for the stack's workload identities (identity-defaults.ts):
// `grant_type=client_credentials`, `client_id`, `client_secret`, `scope=<resource>/.default`,
// answered with `{token_type, expires_in, access_token}` or Entra's error shape. Kept beside
// oidc-provider rather than inside it, because the tokens must look like Entra's app-only ones
// (v1 issuer for storage, `roles`, `oid`/`tid`, `idtyp: app`) and oidc-provider's would not.

const TOKEN_TTL_SECONDS = 3600;
const MAX_BODY_BYTES = 16 * 1024;

export interface ClientCredentialsOptions {
  signingKey: SigningKey;
  /** The authority's own issuer: what the hub's tokens carry. */
  issuer: string;
  principals?: readonly ServicePrincipal[];
  now?: () => Date;
}

export function clientCredentialsHandler(
  options: ClientCredentialsOptions,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const principals = options.principals ?? Object.values(SERVICE_PRINCIPALS);
  const now = options.now ?? (() => new Date());
  const key = importJWK(options.signingKey, 'RS256');
  return async (req, res) => {
    const form = new URLSearchParams(await readSmallBody(req, MAX_BODY_BYTES));
    const reply = (status: number, body: Record<string, unknown>): void => {
      res
        .writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
        .end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || form.get('grant_type') !== 'client_credentials')
      return reply(
        400,
        entraError('unsupported_grant_type', 'AADSTS70003', 'client_credentials only'),
      );
    const principal = principals.find((p) => p.clientId === form.get('client_id'));
    if (!principal || !sameSecret(principal.secret, form.get('client_secret') ?? ''))
      return reply(401, entraError('invalid_client', 'AADSTS7000215', 'Invalid client secret.'));
    const resource = resourceOf(form.get('scope') ?? '');
    if (!resource)
      return reply(
        400,
        entraError(
          'invalid_scope',
          'AADSTS500011',
          `The resource '${form.get('scope') ?? ''}' was not found.`,
        ),
      );
    const issuedAt = Math.floor(now().getTime() / 1000);
    const storage = resource === TOKEN_AUDIENCES.storage;
    const token = await new SignJWT({
      oid: principal.objectId,
      tid: TENANT_ID,
      appid: principal.clientId,
      azp: principal.clientId,
      idtyp: 'app',
      ver: storage ? '1.0' : '2.0',
      ...(storage ? {} : { roles: [...principal.hubRoles] }),
    })
      .setProtectedHeader({ alg: 'RS256', kid: options.signingKey.kid, typ: 'JWT' })
      .setIssuer(storage ? STORAGE_TOKEN_ISSUER : options.issuer)
      .setAudience(resource)
      .setSubject(principal.objectId)
      .setIssuedAt(issuedAt)
      .setNotBefore(issuedAt)
      .setExpirationTime(issuedAt + TOKEN_TTL_SECONDS)
      .sign(await key);
    reply(200, { token_type: 'Bearer', expires_in: TOKEN_TTL_SECONDS, access_token: token });
  };
}

/** `https://iothubs.azure.net/.default` -> `https://iothubs.azure.net`; unknown resources -> undefined. */
function resourceOf(scope: string): string | undefined {
  const resource = scope
    .trim()
    .replace(/\/\.default$/, '')
    .replace(/\/+$/, '');
  return Object.values(TOKEN_AUDIENCES).find((known) => known === resource);
}

function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function entraError(error: string, code: string, description: string): Record<string, unknown> {
  return {
    error,
    error_description: `${code}: ${description}`,
    error_codes: [Number(code.slice(6))],
  };
}
