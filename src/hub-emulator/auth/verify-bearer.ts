import {
  createRemoteJWKSet,
  customFetch,
  errors,
  jwtVerify,
  type FetchImplementation,
  type JWTPayload,
} from 'jose';
import { Agent, fetch } from 'undici';
import { hubError, type HubError } from '../http/hub-error';
import { dataActionsOfRoles, type DataAction } from './data-actions';

// `Authorization: Bearer <jwt>` as the hub takes it from Microsoft Entra ID
// (docs/reference/hub-wire-contract.md#entra-bearer-tokens): signature by the configured issuer's
// JWKS, issuer, audience (`https://iothubs.azure.net` by default), expiry with five minutes of skew
// like SAS. A token that fails any check is 401 IotHubUnauthorizedAccess; the reason goes to the
// log only.
export interface EntraOptions {
  issuer: string;
  jwksUri: string;
  audiences?: string[];
  /** CA that signed the JWKS host's certificate, when it is a local one. */
  trustedCaPem?: string;
  algorithms?: string[];
}

export interface BearerPrincipal {
  name: string;
  actions: Set<DataAction>;
}

export type BearerVerifier = (token: string, now: Date) => Promise<BearerPrincipal | HubError>;

export const IOT_HUB_AUDIENCE = 'https://iothubs.azure.net';
const CLOCK_SKEW_SECONDS = 300;

export function createBearerVerifier(
  options: EntraOptions,
  log: (line: string) => void,
): BearerVerifier {
  const dispatcher = options.trustedCaPem
    ? new Agent({ connect: { ca: options.trustedCaPem } })
    : undefined;
  const fetchJwks: FetchImplementation = async (url, init) =>
    (await fetch(url, {
      method: init.method,
      headers: Object.fromEntries(init.headers),
      redirect: init.redirect,
      signal: init.signal,
      ...(dispatcher ? { dispatcher } : {}),
    })) as unknown as Response;
  const jwks = createRemoteJWKSet(new URL(options.jwksUri), {
    timeoutDuration: 5_000,
    [customFetch]: fetchJwks,
  });
  const algorithms = (options.algorithms ?? ['RS256']).filter((a) => a.toLowerCase() !== 'none');
  return async (token, now) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        issuer: options.issuer,
        audience: options.audiences ?? [IOT_HUB_AUDIENCE],
        algorithms,
        currentDate: now,
        clockTolerance: CLOCK_SKEW_SECONDS,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) {
        log(`bearer token keys unavailable: ${String(error)}`);
        return hubError('ServerError', 'The token issuer could not be reached.');
      }
      log(`bearer token refused: ${error.code}`);
      return hubError('IotHubUnauthorizedAccess', 'Unauthorized');
    }
    const roles = Array.isArray(payload.roles)
      ? payload.roles.filter((r): r is string => typeof r === 'string')
      : [];
    return { name: principalName(payload), actions: dataActionsOfRoles(roles) };
  };
}

function principalName(payload: JWTPayload): string {
  for (const claim of ['upn', 'preferred_username', 'unique_name', 'appid', 'azp', 'oid', 'sub']) {
    const value = payload[claim];
    if (typeof value === 'string' && value !== '') return value;
  }
  return 'unknown';
}
