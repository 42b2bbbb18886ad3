// Which field names may hold a credential. Deliberately broad (over-masking a harmless field costs
// nothing; under-masking leaks a device key to a support user): `primaryKey`, `symmetricKey`,
// `primary_key`, `SharedAccessKey`, `ConnectionString`, `registryCredentials`, `auth_token`, `PWD`.
// Names are compared without case and without the separators people put between words, so
// `connection-string`, `Connection String` and `connection.string` are one name.
const SEPARATORS = /[\s_.-]/g;
const SECRET_WORD = /key|secret|passw|pwd|token|credential|connectionstring|signature|sas/;
/** Short names that are secrets only on their own: a SAS URL's `sig`, a login's `pass`. */
const SECRET_EXACT = new Set(['sig', 'pass', 'pw', 'pin']);
/**
 * Names whose values identify a record or its version: never a key, however key-like the value
 * looks (a device etag is base64 of a counter, long enough to pass for a key on a busy hub).
 */
const IDENTITY_NAMES = new Set([
  'id',
  'deviceid',
  'moduleid',
  'configurationid',
  'etag',
  'twinetag',
  'generationid',
]);

function normalise(name: string): string {
  return name.toLowerCase().replace(SEPARATORS, '');
}

export function isSecretName(name: string): boolean {
  const normal = normalise(name);
  return SECRET_WORD.test(normal) || SECRET_EXACT.has(normal);
}

export function isIdentityName(name: string): boolean {
  return IDENTITY_NAMES.has(normalise(name));
}
