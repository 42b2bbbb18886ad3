import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/web/lib/load-config';

const valid = {
  auth: {
    clientId: 'spa',
    authority: 'https://localhost:8443/tenant',
    knownAuthorities: ['localhost:8443'],
    apiScope: 'api://x/access_as_user',
  },
  storageEndpoint: 'http://127.0.0.1:10000/devstoreaccount1',
  hubHostName: 'hub.local',
};

describe('loadConfig', () => {
  it('returns the validated configuration', async () => {
    const result = await loadConfig(async () => new Response(JSON.stringify(valid)));
    // A proxy from before the plan settings and the hub list is still read, with their defaults.
    expect(result).toEqual({
      ok: true,
      config: { ...valid, hubs: [], plan: { snapshotMaxAgeMinutes: 15, lookupLimit: 1000 } },
    });
    const planned = {
      ...valid,
      hubs: [{ id: 'hub-a', displayName: 'Hub A', hostName: 'hub.local' }],
      plan: { snapshotMaxAgeMinutes: 30, lookupLimit: 20 },
    };
    expect(await loadConfig(async () => new Response(JSON.stringify(planned)))).toEqual({
      ok: true,
      config: planned,
    });
  });

  it('says the server is unreachable when fetch fails', async () => {
    const result = await loadConfig(async () => Promise.reject(new TypeError('Failed to fetch')));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('could not be reached');
  });

  it('names the HTTP status when /config.json is missing', async () => {
    const result = await loadConfig(async () => new Response('nope', { status: 404 }));
    expect(result).toEqual({
      ok: false,
      reason: 'The server answered /config.json with HTTP 404.',
    });
  });

  it('lists the invalid fields of an incomplete configuration', async () => {
    const result = await loadConfig(
      async () =>
        new Response(JSON.stringify({ ...valid, auth: { ...valid.auth, authority: 'not a url' } })),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('auth.authority');
  });
});
