import { describe, expect, it } from 'vitest';
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

describe('BACKUP_RETENTION_DAYS', () => {
  it('keeps backups 30 days unless told otherwise', () => {
    const result = readProxyEnv(valid);
    expect(result.ok && result.env.BACKUP_RETENTION_DAYS).toBe(30);
    const seven = readProxyEnv({ ...valid, BACKUP_RETENTION_DAYS: '7' });
    expect(seven.ok && seven.env.BACKUP_RETENTION_DAYS).toBe(7);
  });

  it('refuses a retention that is not a whole number of days from 1', () => {
    for (const value of ['0', '-3', '1.5', 'forever']) {
      const result = readProxyEnv({ ...valid, BACKUP_RETENTION_DAYS: value });
      expect(result.ok, value).toBe(false);
      if (!result.ok) expect(result.message).toContain('BACKUP_RETENTION_DAYS');
    }
  });
});
