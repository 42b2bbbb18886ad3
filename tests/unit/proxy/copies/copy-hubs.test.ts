import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../../src/proxy/auth/bearer-verifier';
import { globalRolesOf, sourceHubFor, type CopyHub } from '../../../../src/proxy/copies/copy-hubs';
import type { ProxyContext } from '../../../../src/proxy/operations/proxy-context';

const NAMES = { admin: 'Console.Admin', support: 'Console.Support' };
const hub = (id: string, adminRoles: string[]): CopyHub => ({
  id,
  displayName: id,
  hostName: `${id}.example`,
  roleValues: { adminRoles },
  context: {} as ProxyContext,
});
const HUBS = [hub('hub-a', ['HubA.Admin']), hub('hub-b', ['HubB.Admin'])];
// As the target's scope leaves it: roles narrowed to the target (here: admin of hub-b).
const caller = (roleValues: string[]): Principal => ({
  name: 'n',
  username: 'u',
  objectId: 'o',
  roles: ['admin'],
  roleValues,
});

describe('globalRolesOf', () => {
  it("reads the global roles from the token's values, not from the narrowed roles", () => {
    expect(globalRolesOf(caller(['HubB.Admin']), NAMES)).toEqual([]);
    expect(globalRolesOf(caller(['Console.Admin', 'Console.Support']), NAMES)).toEqual([
      'admin',
      'support',
    ]);
  });
});

describe('sourceHubFor', () => {
  it('takes an admin of the source by its own role value or the global one', () => {
    expect(sourceHubFor(HUBS, 'hub-a', caller(['HubA.Admin', 'HubB.Admin']), NAMES).id).toBe(
      'hub-a',
    );
    expect(sourceHubFor(HUBS, 'hub-a', caller(['Console.Admin']), NAMES).id).toBe('hub-a');
  });

  it('refuses an admin of the target alone, and support of the source', () => {
    expect(() => sourceHubFor(HUBS, 'hub-a', caller(['HubB.Admin']), NAMES)).toThrow(
      /Admin role on the source hub/,
    );
    expect(() =>
      sourceHubFor(HUBS, 'hub-a', caller(['HubB.Admin', 'Console.Support']), NAMES),
    ).toThrow(/Admin role on the source hub/);
  });

  it('answers an unknown hub as HUB_NOT_FOUND', () => {
    expect(() => sourceHubFor(HUBS, 'hub-c', caller(['Console.Admin']), NAMES)).toThrow(
      expect.objectContaining({ code: 'HUB_NOT_FOUND', status: 404 }),
    );
  });
});
