import { describe, expect, it } from 'vitest';
import { SpaConfig } from '../../../../src/contracts/api/identity';
import { readProxyEnv } from '../../../../src/proxy/config/proxy-env';

const valid = {
  AUTH_TENANT_ID: '11111111-2222-3333-4444-555555555555',
  AUTH_AUDIENCE: 'api://iot-bulk-console',
  IOT_HUB_CONNECTION_STRING:
    'HostName=my-hub.azure-devices.net;SharedAccessKeyName=registryReadWrite;SharedAccessKey=QUJDRA==',
  STORAGE_ACCOUNT_NAME: 'iotbulkops',
  SPA_CLIENT_ID: 'spa-client-id',
  SPA_API_SCOPE: 'api://iot-bulk-console/access_as_user',
};

describe('PLAN_SNAPSHOT_MAX_AGE_MINUTES and PLAN_LOOKUP_LIMIT', () => {
  it('default to 15 minutes and 1,000 devices, and take whole numbers in range', () => {
    const result = readProxyEnv(valid);
    expect(result.ok && result.env.PLAN_SNAPSHOT_MAX_AGE_MINUTES).toBe(15);
    expect(result.ok && result.env.PLAN_LOOKUP_LIMIT).toBe(1000);
    const set = readProxyEnv({
      ...valid,
      PLAN_SNAPSHOT_MAX_AGE_MINUTES: '60',
      PLAN_LOOKUP_LIMIT: '20',
    });
    expect(set.ok && [set.env.PLAN_SNAPSHOT_MAX_AGE_MINUTES, set.env.PLAN_LOOKUP_LIMIT]).toEqual([
      60, 20,
    ]);
  });

  it('refuses values out of range, naming the variable', () => {
    for (const [name, value] of [
      ['PLAN_SNAPSHOT_MAX_AGE_MINUTES', '0'],
      ['PLAN_SNAPSHOT_MAX_AGE_MINUTES', '1441'],
      ['PLAN_LOOKUP_LIMIT', '10001'],
      ['PLAN_LOOKUP_LIMIT', 'lots'],
    ]) {
      const result = readProxyEnv({ ...valid, [name as string]: value });
      expect(result.ok, `${name}=${value}`).toBe(false);
      if (!result.ok) expect(result.message).toContain(name);
    }
  });

  it('are served in /config.json with their defaults when a server names none', () => {
    const spa = SpaConfig.parse({
      auth: {
        clientId: 'c',
        authority: 'https://a.example/t',
        knownAuthorities: [],
        apiScope: 's',
      },
      storageEndpoint: 'https://s.example',
      hubHostName: 'h',
    });
    expect(spa.plan).toEqual({ snapshotMaxAgeMinutes: 15, lookupLimit: 1000 });
  });
});
