import {
  createRemoteJWKSet,
  customFetch,
  errors,
  jwtVerify,
  type FetchImplementation,
  type JWTPayload,
} from 'jose';
import { fetch, type Dispatcher } from 'undici';
import type { AppRole } from '../../contracts/api/identity';
import { ApiError, unauthenticated } from '../http/api-error';

export interface AuthOptions {
  issuer: string;
  audience: string;
  jwksUri: string;
  roles: { admin: string; support: string };
  clockToleranceSeconds?: number;
  algorithms?: string[];
  /**
   * Client ids whose tokens are accepted (`azp` in v2 tokens, `appid` in v1): the SPA's by
   * default (server.ts). A token another app of the tenant obtained for our API is refused.
   */
  clientIds?: string[];
}

export interface Principal {
  name: string;
  username: string;
  objectId: string;
  /**
   * The caller's roles where the request is served: from the global role values at first, then
   * narrowed to the hub of the route (auth/hub-roles.ts, routes/hub-scope.ts).
   */
  roles: AppRole[];
  /** The token's `roles` values, which a hub's own role values are matched against. */
  roleValues?: readonly string[];
}

export type BearerVerifier = (authorization: string | undefined) => Promise<Principal>;

// A token the caller got wrong is a 401; an authority we cannot reach is our problem, not theirs.
const TOKEN_FAULTS = new Set([
  'ERR_JWT_EXPIRED',
  'ERR_JWT_CLAIM_VALIDATION_FAILED',
  'ERR_JWT_INVALID',
  'ERR_JWS_INVALID',
  'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
  'ERR_JOSE_ALG_NOT_ALLOWED',
  'ERR_JOSE_NOT_SUPPORTED',
  'ERR_JWKS_NO_MATCHING_KEY',
  'ERR_JWKS_MULTIPLE_MATCHING_KEYS',
]);

export function createBearerVerifier(
  options: AuthOptions,
  now: () => Date,
  dispatcher?: Dispatcher,
): BearerVerifier {
  const algorithms = (options.algorithms ?? ['RS256']).filter(
    (alg) => alg.toLowerCase() !== 'none',
  );
  if (algorithms.length === 0)
    throw new Error('auth.algorithms must name at least one signing algorithm');
  const clientIds = new Set(options.clientIds ?? []);
  if (clientIds.size === 0) throw new Error('auth.clientIds must name at least one client id');
  const fetchJwks: FetchImplementation = async (url, init) => {
    const response = await fetch(url, {
      method: init.method,
      headers: Object.fromEntries(init.headers),
      redirect: init.redirect,
      signal: init.signal,
      ...(dispatcher ? { dispatcher } : {}),
    });
    // undici's Response and the DOM Response are the same class at runtime; only their typings
    // differ.
    return response as unknown as Response;
  };
  const jwks = createRemoteJWKSet(new URL(options.jwksUri), {
    timeoutDuration: 5_000,
    cooldownDuration: 30_000,
    cacheMaxAge: 10 * 60_000,
    [customFetch]: fetchJwks,
  });

  return async (authorization) => {
    const match = /^Bearer ([A-Za-z0-9\-_.]+)$/.exec(authorization ?? '');
    if (!match?.[1]) throw unauthenticated();
    let payload: JWTPayload;
    try {
      // `typ` is deliberately not pinned: Entra access tokens say JWT, the local authority at+jwt.
      ({ payload } = await jwtVerify(match[1], jwks, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms,
        clockTolerance: options.clockToleranceSeconds ?? 60,
        currentDate: now(),
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      if (error instanceof errors.JOSEError && TOKEN_FAULTS.has(error.code))
        throw unauthenticated('The bearer token is not valid.');
      throw new ApiError(
        503,
        'AUTHORITY_UNAVAILABLE',
        'The identity authority could not be reached to verify the token.',
      );
    }
    // The audience only says the token is for our API; any app the tenant lets call it could have
    // asked for one. `azp` (v2) or `appid` (v1) names the app that did: only the console's own.
    const client = issuedTo(payload);
    if (!client || !clientIds.has(client))
      throw unauthenticated('The bearer token was issued to a client this API does not accept.');
    const principal = toPrincipal(payload, options.roles);
    if (!principal.objectId) throw unauthenticated('The bearer token names no subject.');
    return principal;
  };
}

function issuedTo(payload: JWTPayload): string | undefined {
  if (typeof payload.azp === 'string' && payload.azp) return payload.azp;
  if (typeof payload.appid === 'string' && payload.appid) return payload.appid;
  return undefined;
}

function toPrincipal(payload: JWTPayload, roleNames: AuthOptions['roles']): Principal {
  const text = (value: unknown): string | undefined =>
    typeof value === 'string' && value ? value : undefined;
  const claimed = Array.isArray(payload.roles)
    ? payload.roles.filter((r): r is string => typeof r === 'string')
    : [];
  const roles: AppRole[] = [];
  if (claimed.includes(roleNames.admin)) roles.push('admin');
  if (claimed.includes(roleNames.support)) roles.push('support');
  const username =
    text(payload.preferred_username) ??
    text(payload.upn) ??
    text(payload.email) ??
    text(payload.sub) ??
    '';
  return {
    name: text(payload.name) ?? username,
    username,
    // Entra's `oid` is stable across apps; `sub` is pairwise per app and the fallback for other
    // authorities.
    objectId: text(payload.oid) ?? text(payload.sub) ?? '',
    roles,
    roleValues: claimed,
  };
}
