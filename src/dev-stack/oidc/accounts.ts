import { createHash, timingSafeEqual } from 'node:crypto';
import type { Account, FindAccount } from 'oidc-provider';
import { TENANT_ID, type TestUser } from '../identity-defaults';

// The local authority's user directory: fixed test users whose account id is their Entra-style
// object id (`oid`), so tokens name the same user across restarts.

export interface UserDirectory {
  authenticate(username: string, password: string): TestUser | undefined;
  findAccount: FindAccount;
  /** The claims Entra puts in both ID and access tokens for this app, minus the protocol ones. */
  profileClaims(accountId: string): Record<string, unknown> | undefined;
}

export function createUserDirectory(users: readonly TestUser[]): UserDirectory {
  const byOid = new Map(users.map((user) => [user.oid, user]));

  const profileClaims = (accountId: string): Record<string, unknown> | undefined => {
    const user = byOid.get(accountId);
    if (!user) return undefined;
    return {
      oid: user.oid,
      tid: TENANT_ID,
      name: user.name,
      preferred_username: user.username,
      roles: [...user.roles],
    };
  };

  return {
    authenticate(username, password) {
      const user = users.find((candidate) => candidate.username === username.trim());
      return user && sameSecret(user.password, password) ? user : undefined;
    },
    profileClaims,
    async findAccount(_ctx, sub): Promise<Account | undefined> {
      const claims = profileClaims(sub);
      if (!claims) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...claims }) };
    },
  };
}

function sameSecret(expected: string, given: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(expected), digest(given));
}
