import { describe, expect, it } from 'vitest';
import {
  readProxyEnv,
  resolveAuthEndpoints,
  resolveHubAccess,
} from '../../../../src/proxy/config/proxy-env';

const valid = {
  AUTH_TENANT_ID: '11111111-2222-3333-4444-555555555555',
  AUTH_AUDIENCE: 'api://iot-bulk-console',
  IOT_HUB_CONNECTION_STRING:
    'HostName=my-hub.azure-devices.net;SharedAccessKeyName=registryReadWrite;SharedAccessKey=QUJDRA==',
  STORAGE_ACCOUNT_NAME: 'iotbulkops',
  SPA_CLIENT_ID: 'spa-client-id',
  SPA_API_SCOPE: 'api://iot-bulk-console/access_as_user',
};

describe('readProxyEnv', () => {
  it('accepts an Entra configuration and derives issuer, JWKS and authority from the tenant', () => {
    const result = readProxyEnv(valid);
    if (!result.ok) throw new Error(result.message);
    expect(result.env.PROXY_PORT).toBe(8080);
    expect(result.env.AUTH_ROLE_ADMIN).toBe('Console.Admin');
    expect(result.env.AUTH_CLIENT_IDS).toEqual([]);
    expect(result.env.PROXY_READ_RATE_LIMIT_PER_MINUTE).toBe(600);
    expect(result.env.SUPPORT_EXPORTS).toBe('off');
    expect(result.env.SUPPORT_EXPORT_INTERVAL_MINUTES).toBe(10);
    expect(result.env.STORAGE_TIMEOUT_SECONDS).toBe(5);
    expect(resolveAuthEndpoints(result.env)).toEqual({
      issuer: 'https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0',
      jwksUri:
        'https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/discovery/v2.0/keys',
      authority: 'https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555',
    });
  });

  it('lists every missing or bad variable in one message', () => {
    const result = readProxyEnv({
      ...valid,
      AUTH_TENANT_ID: '',
      IOT_HUB_CONNECTION_STRING: 'HostName=x',
      PROXY_PORT: 'eighty',
      STORAGE_AUTH: 'key',
      AUTH_ALGORITHMS: 'none',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const name of [
      'IOT_HUB_CONNECTION_STRING',
      'PROXY_PORT',
      'AUTH_TENANT_ID',
      'SPA_AUTHORITY',
      'STORAGE_ACCOUNT_KEY',
      'AUTH_ALGORITHMS',
    ]) {
      expect(result.message).toContain(`- ${name}:`);
    }
    expect(result.message).toMatch(/^The proxy's configuration is invalid \(6 problems\)/);
  });

  it('turns support exports on only for SUPPORT_EXPORTS=on and refuses other words', () => {
    const on = readProxyEnv({ ...valid, SUPPORT_EXPORTS: 'on' });
    expect(on.ok && on.env.SUPPORT_EXPORTS).toBe('on');
    const typo = readProxyEnv({ ...valid, SUPPORT_EXPORTS: 'yes' });
    expect(typo.ok).toBe(false);
    if (!typo.ok) expect(typo.message).toContain('- SUPPORT_EXPORTS: must be on or off');
  });

  it('reads the accepted client ids as a comma list', () => {
    const result = readProxyEnv({ ...valid, AUTH_CLIENT_IDS: 'spa-client-id, cli-client-id' });
    if (!result.ok) throw new Error(result.message);
    expect(result.env.AUTH_CLIENT_IDS).toEqual(['spa-client-id', 'cli-client-id']);
  });
});

describe('readProxyEnv: the hub by identity', () => {
  const { IOT_HUB_CONNECTION_STRING: _unused, ...withoutHub } = valid;

  it('takes the host name alone as the identity path', () => {
    const result = readProxyEnv({ ...withoutHub, IOT_HUB_HOST_NAME: 'my-hub.azure-devices.net' });
    if (!result.ok) throw new Error(result.message);
    expect(resolveHubAccess(result.env)).toEqual({
      kind: 'identity',
      hostName: 'my-hub.azure-devices.net',
    });
    expect(result.env.IOT_HUB_JOB_STORAGE_AUTH).toBe('keyBased');
  });

  it('keeps the connection string path when both are given', () => {
    const result = readProxyEnv({ ...valid, IOT_HUB_HOST_NAME: 'other.azure-devices.net' });
    if (!result.ok) throw new Error(result.message);
    expect(resolveHubAccess(result.env)).toMatchObject({
      kind: 'connectionString',
      hostName: 'my-hub.azure-devices.net',
    });
  });

  it('names every hub problem together with the others', () => {
    const result = readProxyEnv({
      ...withoutHub,
      IOT_HUB_AUTH: 'identity',
      IOT_HUB_JOB_STORAGE_AUTH: 'byIdentity',
      IOT_HUB_JOB_STORAGE_IDENTITY: 'hub-id',
      PROXY_PORT: 'eighty',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const name of [
      'IOT_HUB_HOST_NAME',
      'IOT_HUB_JOB_STORAGE_AUTH',
      'IOT_HUB_JOB_STORAGE_IDENTITY',
      'PROXY_PORT',
    ])
      expect(result.message).toContain(`- ${name}:`);
  });

  it('asks for a connection string or the identity path when neither is set', () => {
    const result = readProxyEnv(withoutHub);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.message).toContain(
        '- IOT_HUB_CONNECTION_STRING: required (a shared access policy',
      );
  });

  it('accepts a user-assigned identity for identityBased job storage', () => {
    const id =
      '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/hub-id';
    const result = readProxyEnv({
      ...valid,
      IOT_HUB_JOB_STORAGE_AUTH: 'identityBased',
      IOT_HUB_JOB_STORAGE_IDENTITY: id,
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.env.IOT_HUB_JOB_STORAGE_IDENTITY).toBe(id);
  });
});

describe('readProxyEnv: problems found outside the variables', () => {
  it('reports them in the same one message as the variables', () => {
    const result = readProxyEnv({ ...valid, PROXY_PORT: 'eighty' }, [
      'PROXY_TRUSTED_CA_FILE: cannot read /nope.pem (ENOENT)',
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/^The proxy's configuration is invalid \(2 problems\)/);
    expect(result.message).toContain('- PROXY_TRUSTED_CA_FILE: cannot read /nope.pem (ENOENT)');
  });
});
