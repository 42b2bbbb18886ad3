import { createHmac, timingSafeEqual } from 'node:crypto';
import { hubError, type HubError } from '../http/hub-error';
import type { Policies, Policy } from './policies';

// SAS verification as the service's parser does it (docs/reference/hub-wire-contract.md#sas-tokens,
// C# SharedAccessSignature.cs): fields in any order, names case-insensitive, every value but `sr`
// URL-decoded, the HMAC recomputed over the *raw* `sr`, expiry with 5 minutes of clock skew.
const MAX_CLOCK_SKEW_SECONDS = 300;
const PREFIX = 'SharedAccessSignature ';

export interface SasContext {
  policies: Policies;
  /** Accepted resources: the host name with and without the port. */
  resources: readonly string[];
  now: Date;
}

export function verifySas(header: string | undefined, ctx: SasContext): Policy | HubError {
  if (!header) return unauthorized('Authorization header missing');
  if (!header.startsWith(PREFIX)) return unauthorized('Malformed signature');
  const fields = new Map<string, string>();
  for (const pair of header.slice(PREFIX.length).trim().split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return unauthorized('Malformed signature');
    fields.set(pair.slice(0, eq).toLowerCase(), pair.slice(eq + 1));
  }
  const rawSr = fields.get('sr');
  const rawSig = fields.get('sig');
  const rawSe = fields.get('se');
  const rawSkn = fields.get('skn');
  if (rawSr === undefined || rawSig === undefined || rawSe === undefined)
    return unauthorized('Malformed signature');
  const decodedSr = safeDecode(rawSr).toLowerCase();
  if (!ctx.resources.some((resource) => decodedSr === resource.toLowerCase()))
    return unauthorized('Unauthorized');
  const expiry = Number(safeDecode(rawSe));
  if (!Number.isFinite(expiry) || expiry + MAX_CLOCK_SKEW_SECONDS < ctx.now.getTime() / 1000)
    return unauthorized('Unauthorized');
  // Device-key tokens (no skn) do not grant service access.
  const policy = rawSkn === undefined ? undefined : ctx.policies.get(safeDecode(rawSkn));
  if (!policy) return unauthorized('Unauthorized');
  const expected = createHmac('sha256', Buffer.from(policy.key, 'base64'))
    .update(`${rawSr}\n${rawSe}`, 'utf8')
    .digest();
  // Python's quote leaves `/` unescaped, so `sig` may carry `/` or `%2F`; decoding handles both.
  const given = Buffer.from(safeDecode(rawSig), 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return unauthorized('Unauthorized');
  return policy;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function unauthorized(text: string): HubError {
  return hubError('IotHubUnauthorizedAccess', text);
}
