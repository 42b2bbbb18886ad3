import { describe, expect, it } from 'vitest';
import {
  hubApiBase,
  hubLabel,
  VisibleHubsResponse,
} from '../../../../../src/web/lib/hubs/console-hub';

const hubs = [
  { id: 'hub-a', displayName: 'Local hub A', hostName: 'hub-a.local', role: 'admin' },
  { id: 'hub-b', displayName: 'Local hub B', hostName: 'hub-b.local', role: 'support' },
];

describe('console hub', () => {
  it('reads GET /api/hubs as a bare list or as a list under hubs', () => {
    expect(VisibleHubsResponse.parse(hubs)).toEqual(hubs);
    expect(VisibleHubsResponse.parse({ hubs })).toEqual(hubs);
  });

  it('rejects a hub without a role or an id', () => {
    expect(VisibleHubsResponse.safeParse([{ ...hubs[0], role: 'owner' }]).success).toBe(false);
    expect(VisibleHubsResponse.safeParse([{ ...hubs[0], id: '' }]).success).toBe(false);
  });

  it('puts a hub’s routes under /api/hubs/{id}, the id encoded as one segment', () => {
    expect(hubApiBase('hub-b')).toBe('/api/hubs/hub-b');
    expect(hubApiBase('a/b?c')).toBe('/api/hubs/a%2Fb%3Fc');
  });

  it('names a hub by its display name and its host', () => {
    expect(hubLabel({ displayName: 'Production', hostName: 'contoso.azure-devices.net' })).toBe(
      'Production (contoso.azure-devices.net)',
    );
    expect(
      hubLabel({ displayName: 'contoso.azure-devices.net', hostName: 'contoso.azure-devices.net' }),
    ).toBe('contoso.azure-devices.net');
  });
});
