import type { IdentityInput } from './identity-input';
import { validateTwinSections } from './validate-twin';

// The hub's value rules for identities (docs/reference/hub-wire-contract.md#limits,
// #device-identities). Each returns the text of an ArgumentInvalid (400004) or undefined. Current
// docs list `- . % _ * ? ! ( ) , : = @ $ '`; the live service also takes `+` and `#`
// (docs/reference/hub-wire-contract.md#recorded-traffic), so only the strict option refuses them.
const LOOSE_ID = /^[A-Za-z0-9\-.%_*?!(),:=@$'+#]{1,128}$/;
const STRICT_ID = /^[A-Za-z0-9\-.%_*?!(),:=@$']{1,128}$/;
const THUMBPRINT = /^(?:[0-9A-Fa-f]{40}|[0-9A-Fa-f]{64})$/;
const MAX_STATUS_REASON = 128;

export function validateDeviceId(id: string, strict: boolean): string | undefined {
  return (strict ? STRICT_ID : LOOSE_ID).test(id) ? undefined : `Invalid device id '${id}'.`;
}

export function validateModuleId(
  id: string,
  strict: boolean,
  creating: boolean,
): string | undefined {
  if (!(strict ? STRICT_ID : LOOSE_ID).test(id)) return `Invalid module id '${id}'.`;
  // `$`-prefixed module ids belong to the edge runtime
  // (docs/reference/hub-wire-contract.md#import-modes).
  if (creating && id.startsWith('$')) return `Module id '${id}' is reserved.`;
  return undefined;
}

export function validateIdentityInput(
  input: IdentityInput,
  strict: boolean,
  creating: boolean,
): string | undefined {
  const idProblem = validateDeviceId(input.deviceId, strict);
  if (idProblem) return idProblem;
  if (input.moduleId) {
    const moduleProblem = validateModuleId(input.moduleId, strict, creating);
    if (moduleProblem) return moduleProblem;
  }
  if (typeof input.statusReason === 'string' && input.statusReason.length > MAX_STATUS_REASON) {
    return `StatusReason length cannot exceed ${MAX_STATUS_REASON} characters.`;
  }
  return validateAuthentication(input) ?? validateTwinSections(input);
}

function validateAuthentication(input: IdentityInput): string | undefined {
  const auth = input.authentication;
  if (!auth) return undefined;
  if (auth.type === 'none' && !input.moduleId)
    return "Authentication type 'none' is not allowed for a device.";
  const hasKey = Boolean(auth.primaryKey || auth.secondaryKey);
  if (hasKey && !(auth.primaryKey && auth.secondaryKey))
    return 'Either no keys or both keys can be set.';
  for (const key of [auth.primaryKey, auth.secondaryKey]) {
    if (key && !validKey(key))
      return 'Invalid device key length. Keys must be base64 of 16 to 64 bytes.';
  }
  const hasThumbprint = Boolean(auth.primaryThumbprint || auth.secondaryThumbprint);
  for (const thumbprint of [auth.primaryThumbprint, auth.secondaryThumbprint]) {
    if (thumbprint && !THUMBPRINT.test(thumbprint))
      return `Invalid thumbprint '${thumbprint}': expected 40 or 64 hex characters.`;
  }
  if (hasKey && hasThumbprint) return 'Symmetric keys and X509 thumbprints cannot both be set.';
  if (auth.type === 'selfSigned' && !auth.primaryThumbprint)
    return 'A primary thumbprint is required for selfSigned authentication.';
  if (auth.type === 'selfSigned' && hasKey)
    return 'Symmetric keys cannot be set for selfSigned authentication.';
  if (auth.type === 'sas' && hasThumbprint)
    return 'Thumbprints cannot be set for sas authentication.';
  if ((auth.type === 'certificateAuthority' || auth.type === 'none') && (hasKey || hasThumbprint)) {
    return `Keys and thumbprints cannot be set for ${auth.type} authentication.`;
  }
  return undefined;
}

function validKey(key: string): boolean {
  if (key.length % 4 !== 0 || !isBase64(key)) return false;
  const bytes = Buffer.from(key, 'base64').length;
  return bytes >= 16 && bytes <= 64;
}

// A char-code scan: a regex test per key was a measurable share of a 1M-line import.
function isBase64(text: string): boolean {
  let end = text.length;
  if (text.charCodeAt(end - 1) === 61) end--;
  if (text.charCodeAt(end - 1) === 61) end--;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    const ok =
      (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;
    if (!ok) return false;
  }
  return end > 0;
}
