import { describe, expect, it } from 'vitest';
import { readProxyEnv, resolveHubs } from '../../../../src/proxy/config/proxy-env';

const base = {
  AUTH_TENANT_ID: '11111111-2222-3333-4444-555555555555',
  AUTH_AUDIENCE: 'api://iot-bulk-console',
  STORAGE_ACCOUNT_NAME: 'iotbulkops',
  SPA_CLIENT_ID: 'spa-client-id',
  SPA_API_SCOPE: 'api://iot-bulk-console/access_as_user',
};
const connectionString = (host: string): string =>
  `HostName=${host};SharedAccessKeyName=registryReadWrite;SharedAccessKey=QUJDRA==`;

function hubsOf(source: Record<string, string>) {
  const result = readProxyEnv(source);
  if (!result.ok) throw new Error(result.message);
  return resolveHubs(result.env);
}

function problemsOf(source: Record<string, string>): string {
  const result = readProxyEnv(source);
  if (result.ok) throw new Error('expected the configuration to be refused');
  return result.message;
}

describe('the hubs of the configuration', () => {
  it('makes one hub, id "main", from the single-hub variables', () => {
    const hubs = hubsOf({
      ...base,
      IOT_HUB_CONNECTION_STRING: connectionString('my-hub.azure-devices.net'),
      HUB_DEVICE_CAP: '500000',
    });
    expect(hubs).toEqual([
      {
        id: 'main',
        displayName: 'my-hub.azure-devices.net',
        access: {
          kind: 'connectionString',
          connectionString: connectionString('my-hub.azure-devices.net'),
          hostName: 'my-hub.azure-devices.net',
        },
        deviceCap: 500000,
        jobStorage: { type: 'keyBased' },
        adminRoles: [],
        supportRoles: [],
      },
    ]);
  });

  it('takes the single hub id and name from HUB_ID and HUB_DISPLAY_NAME', () => {
    const [hub] = hubsOf({
      ...base,
      IOT_HUB_HOST_NAME: 'prod.azure-devices.net',
      HUB_ID: 'prod-eu',
      HUB_DISPLAY_NAME: 'Production (EU)',
    });
    expect(hub).toMatchObject({
      id: 'prod-eu',
      displayName: 'Production (EU)',
      access: { kind: 'identity', hostName: 'prod.azure-devices.net' },
    });
  });

  it('reads HUBS in order, each with its own access, cap, job storage and roles', () => {
    const hubs = hubsOf({
      ...base,
      HUBS: JSON.stringify([
        {
          id: 'hub-a',
          displayName: 'Hub A',
          connectionString: connectionString('a.azure-devices.net'),
          deviceCap: 1000,
          adminRoles: ['HubA.Admin'],
        },
        {
          id: 'hub-b',
          displayName: 'Hub B',
          hostName: 'b.azure-devices.net',
          apiVersion: '2021-04-12',
          jobStorage: { type: 'identityBased' },
          supportRoles: ['HubB.Support'],
        },
      ]),
    });
    expect(hubs.map((hub) => hub.id)).toEqual(['hub-a', 'hub-b']);
    expect(hubs[0]).toMatchObject({
      access: { kind: 'connectionString', hostName: 'a.azure-devices.net' },
      deviceCap: 1000,
      jobStorage: { type: 'keyBased' },
      adminRoles: ['HubA.Admin'],
      supportRoles: [],
    });
    expect(hubs[1]).toMatchObject({
      access: { kind: 'identity', hostName: 'b.azure-devices.net' },
      apiVersion: '2021-04-12',
      jobStorage: { type: 'identityBased' },
      adminRoles: [],
      supportRoles: ['HubB.Support'],
    });
  });

  it('names every bad field of every hub, and a repeated id, in the one message', () => {
    const message = problemsOf({
      ...base,
      PROXY_PORT: 'eighty',
      HUBS: JSON.stringify([
        { id: 'Hub_A', displayName: 'A', connectionString: 'HostName=x' },
        { id: 'hub-b', displayName: '', hostName: 'b.azure-devices.net', deviceCap: -1 },
        { id: 'hub-c', displayName: 'C', auth: 'identity', colour: 'red' },
      ]),
    });
    for (const problem of [
      '- PROXY_PORT:',
      '- HUBS[0].id:',
      '- HUBS[0].connectionString:',
      '- HUBS[1].displayName:',
      '- HUBS[1].deviceCap:',
      '- HUBS[2]:',
    ])
      expect(message).toContain(problem);
    expect(message).toContain('colour');
  });

  it('refuses a repeated hub id and an identity hub without a host name', () => {
    const hub = { displayName: 'A', connectionString: connectionString('a.azure-devices.net') };
    expect(
      problemsOf({
        ...base,
        HUBS: JSON.stringify([
          { id: 'hub-a', ...hub },
          { id: 'hub-a', ...hub },
        ]),
      }),
    ).toMatch(/- HUBS\[1\]\.id: "hub-a" is used by an earlier hub/);
    expect(
      problemsOf({
        ...base,
        HUBS: JSON.stringify([{ id: 'x', displayName: 'X', auth: 'identity' }]),
      }),
    ).toMatch(/- HUBS\[0\]\.hostName: required with auth "identity"/);
  });

  it('refuses HUBS that is not a JSON array of at least one hub', () => {
    expect(problemsOf({ ...base, HUBS: '[{' })).toContain('- HUBS: must be a JSON array of hubs');
    expect(problemsOf({ ...base, HUBS: '{}' })).toContain('- HUBS: must be a JSON array of hubs');
    expect(problemsOf({ ...base, HUBS: '[]' })).toContain('- HUBS: must list at least one hub');
  });

  it('refuses a single-hub variable next to HUBS, and needs neither connection nor host then', () => {
    const hubs = JSON.stringify([
      { id: 'hub-a', displayName: 'A', connectionString: connectionString('a.azure-devices.net') },
    ]);
    expect(hubsOf({ ...base, HUBS: hubs })).toHaveLength(1);
    const message = problemsOf({
      ...base,
      HUBS: hubs,
      IOT_HUB_CONNECTION_STRING: connectionString('old.azure-devices.net'),
      HUB_DEVICE_CAP: '10',
    });
    expect(message).toContain('- IOT_HUB_CONNECTION_STRING: not used when HUBS is set');
    expect(message).toContain('- HUB_DEVICE_CAP: not used when HUBS is set');
  });

  it('refuses a hub id that is not a URL-safe name', () => {
    for (const id of ['-a', 'A', 'a_b', 'a'.repeat(41), ''])
      expect(
        problemsOf({
          ...base,
          HUBS: JSON.stringify([
            { id, displayName: 'A', connectionString: connectionString('a.azure-devices.net') },
          ]),
        }),
      ).toContain('- HUBS[0].id:');
    expect(
      problemsOf({
        ...base,
        HUB_ID: 'Main Hub',
        IOT_HUB_CONNECTION_STRING: connectionString('a.azure-devices.net'),
      }),
    ).toContain('- HUB_ID:');
  });
});
