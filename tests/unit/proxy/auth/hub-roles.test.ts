import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../../src/proxy/auth/bearer-verifier';
import { primaryRole, rolesOnHub } from '../../../../src/proxy/auth/hub-roles';

const caller = (roles: Principal['roles'], roleValues: string[] = []): Principal => ({
  name: 'Ada',
  username: 'ada@example.com',
  objectId: 'oid-ada',
  roles,
  roleValues,
});
const hubA = { adminRoles: ['HubA.Admin'], supportRoles: ['HubA.Support'] };

describe('rolesOnHub', () => {
  it('gives the global roles on every hub', () => {
    expect(rolesOnHub(caller(['admin', 'support']), hubA)).toEqual(['admin', 'support']);
    expect(rolesOnHub(caller(['support']), {})).toEqual(['support']);
  });

  it("gives a hub's own role values on that hub only", () => {
    const adminOfA = caller([], ['HubA.Admin']);
    expect(rolesOnHub(adminOfA, hubA)).toEqual(['admin']);
    expect(rolesOnHub(adminOfA, { adminRoles: ['HubB.Admin'] })).toEqual([]);
    expect(rolesOnHub(caller([], ['HubA.Support']), hubA)).toEqual(['support']);
  });

  it('adds a hub role to a global one, and gives nothing to a caller with neither', () => {
    expect(rolesOnHub(caller(['support'], ['HubA.Admin']), hubA)).toEqual(['admin', 'support']);
    expect(rolesOnHub(caller([], ['Other.Role']), hubA)).toEqual([]);
    expect(rolesOnHub(caller([]), hubA)).toEqual([]);
  });
});

describe('primaryRole', () => {
  it('is admin when both are held, else the one held, else none', () => {
    expect(primaryRole(['admin', 'support'])).toBe('admin');
    expect(primaryRole(['support'])).toBe('support');
    expect(primaryRole([])).toBeUndefined();
  });
});
