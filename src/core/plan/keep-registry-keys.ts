import type { ImportMode } from '../model/import-mode';
import type { AuthState, IdentityState } from './identity-state';
import type { ImportLine } from './import-line-types';

// The modes that write an identity and so replace its authentication with the line's.
const IDENTITY_UPDATES: ReadonlySet<ImportMode> = new Set([
  'update',
  'updateIfMatchETag',
  'createOrUpdate',
  'createOrUpdateIfMatchETag',
]);

export type KeysDecision =
  /** The line sets its own authentication, or the identity is new: nothing to keep. */
  | { kind: 'none' }
  /** The registry's authentication is written into the line. */
  | { kind: 'kept'; auth: AuthState }
  /** The line lets the hub mint keys and it will: chosen, or nothing is known to keep. */
  | { kind: 'rotated'; why: 'chosen' | 'unknown' };

/**
 * The keys rule. An update line without keys on an existing device makes the hub mint new ones
 * (docs/reference/hub-wire-contract.md#device-identities: "Omitting it on update mints new keys"),
 * and the device drops off the hub. So such a line gets the registry's authentication written into
 * it, unless the admin chose to regenerate that row's keys. A line with no authentication at all
 * keeps any kind (keys, thumbprints, certificate authority); a line that names type sas without
 * keys keeps keys of a sas identity only, since on any other identity it is an explicit switch to
 * sas.
 */
export function decideKeys(
  line: ImportLine,
  existing: IdentityState | undefined,
  keepKeys: boolean,
  chosenToRotate: boolean,
): KeysDecision {
  if (existing === undefined || !IDENTITY_UPDATES.has(line.mode) || !mintsKeys(line))
    return { kind: 'none' };
  const current = existing.auth;
  if (line.authentication?.type === 'sas' && current !== null && current.type !== 'sas')
    return { kind: 'none' };
  if (!keepKeys || chosenToRotate) return { kind: 'rotated', why: 'chosen' };
  if (current === null || existing.keysMinted) return { kind: 'rotated', why: 'unknown' };
  if (current.type === 'sas' && (current.primaryKey === null || current.secondaryKey === null))
    return { kind: 'rotated', why: 'unknown' };
  return { kind: 'kept', auth: current };
}

/** True when the hub would mint keys for this line: no authentication, or sas without keys. */
export function mintsKeys(line: ImportLine): boolean {
  const auth = line.authentication;
  if (auth === undefined || auth === null) return true;
  if (auth.type !== undefined && auth.type !== 'sas') return false;
  if (auth.type === undefined && auth.primaryThumbprint !== null) return false;
  return auth.primaryKey === null || auth.secondaryKey === null;
}

/** The line with the kept authentication, in the hub's field order. */
export function withAuthentication(line: ImportLine, auth: AuthState): ImportLine {
  const authentication = {
    symmetricKey: { primaryKey: auth.primaryKey, secondaryKey: auth.secondaryKey },
    x509Thumbprint: {
      primaryThumbprint: auth.primaryThumbprint,
      secondaryThumbprint: auth.secondaryThumbprint,
    },
    type: auth.type,
  };
  return {
    ...line,
    json: { ...line.json, authentication },
    authentication: {
      type: auth.type,
      primaryKey: auth.primaryKey,
      secondaryKey: auth.secondaryKey,
      primaryThumbprint: auth.primaryThumbprint,
      secondaryThumbprint: auth.secondaryThumbprint,
    },
  };
}
