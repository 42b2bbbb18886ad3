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
    // A proxy from before the plan settings is still read, with the plan's defaults.
    expect(result).toMatchObject({
      ok: true,
      config: { ...valid, hubs: [], plan: { snapshotMaxAgeMinutes: 15, lookupLimit: 1000 } },
    });
    const planned = { ...valid, plan: { snapshotMaxAgeMinutes: 30, lookupLimit: 20 } };
    expect(await loadConfig(async () => new Response(JSON.stringify(planned)))).toMatchObject({
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

  it('reads the hubs the configuration lists, each with its own API base', async () => {
    const hubs = [
      { id: 'hub-a', displayName: 'Local hub A', hostName: 'hub-a.local' },
      { id: 'hub-b', displayName: 'Local hub B', hostName: 'hub-b.local' },
    ];
    const result = await loadConfig(async () => new Response(JSON.stringify({ ...valid, hubs })));
    expect(result.ok && result.hubs).toEqual([
      { ...hubs[0], role: null, apiBase: '/api/hubs/hub-a' },
      { ...hubs[1], role: null, apiBase: '/api/hubs/hub-b' },
    ]);
  });

  it('makes the one hub of a proxy from before several hubs, served by the unprefixed routes', async () => {
    const result = await loadConfig(async () => new Response(JSON.stringify(valid)));
    expect(result.ok && result.hubs).toEqual([
      { id: 'main', displayName: 'hub', hostName: 'hub.local', role: null, apiBase: '/api' },
    ]);
  });

  it('refuses a hub whose id cannot be a URL segment', async () => {
    const hubs = [{ id: 'Hub A/1', displayName: 'A', hostName: 'a.local' }];
    const result = await loadConfig(async () => new Response(JSON.stringify({ ...valid, hubs })));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('hubs.0.id');
  });
});
