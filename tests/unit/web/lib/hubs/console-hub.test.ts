import { describe, expect, it } from 'vitest';
import { hubApiBase, hubLabel } from '../../../../../src/web/lib/hubs/console-hub';

describe('console hub', () => {
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
