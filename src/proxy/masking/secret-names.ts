// Which field names may hold a credential. Deliberately broad (over-masking a harmless field costs
// nothing; under-masking leaks a device key to a support user): `primaryKey`, `secondaryKey`,
// `symmetricKey.primaryKey`, `primary_key`, `SharedAccessKey`, connection strings, passwords.
const SECRET_NAME = /key|secret|password|passwd|connectionstring|connection_string|signature|sas/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

export const MASK = '***';
