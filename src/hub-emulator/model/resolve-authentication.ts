import type { StoredAuthentication } from './identity';
import type { AuthenticationInput } from './identity-input';
import type { KeySource } from './key-source';

// Omitted or empty keys mean "generate" (docs/reference/hub-wire-contract.md#device-identities;
// Node sends empty strings), on create and on update alike: the live hub mints new keys when an
// update omits them (docs/reference/hub-wire-contract.md#device-identities).
export function resolveAuthentication(
  input: AuthenticationInput | null | undefined,
  keys: KeySource,
): StoredAuthentication {
  const primaryThumbprint = input?.primaryThumbprint ?? null;
  const secondaryThumbprint = input?.secondaryThumbprint ?? null;
  const type = input?.type ?? (primaryThumbprint ? 'selfSigned' : 'sas');
  const sas = type === 'sas';
  return {
    symmetricKey: {
      primaryKey: sas ? (input?.primaryKey ?? keys()) : null,
      secondaryKey: sas ? (input?.secondaryKey ?? keys()) : null,
    },
    x509Thumbprint: { primaryThumbprint, secondaryThumbprint },
    type,
  };
}
