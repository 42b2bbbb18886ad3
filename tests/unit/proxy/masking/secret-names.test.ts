import { describe, expect, it } from 'vitest';
import { isIdentityName, isSecretName } from '../../../../src/proxy/masking/secret-names';

describe('secret names', () => {
  it.each([
    'primaryKey',
    'secondary_key',
    'SharedAccessKey',
    'symmetricKey',
    'password',
    'Passwd',
    'PWD',
    'db_pwd',
    'secret',
    'clientSecret',
    'token',
    'auth_token',
    'Access-Token',
    'Credential',
    'registryCredentials',
    'connectionString',
    'connection_string',
    'Connection String',
    'connection-string',
    'connection.string',
    'sas',
    'sasToken',
    'SharedAccessSignature',
    'sig',
    'PIN',
  ])('treats "%s" as a secret name', (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each([
    'id',
    'deviceId',
    'status',
    'username',
    'address',
    'image',
    'type',
    'tags.site',
    'eTag',
  ])('leaves "%s" alone', (name) => {
    expect(isSecretName(name)).toBe(false);
  });

  it('knows the names that identify a record', () => {
    expect(
      ['id', 'deviceId', 'device_id', 'ModuleId', 'configurationId'].map(isIdentityName),
    ).toEqual([true, true, true, true, true]);
    expect(['eTag', 'twinETag', 'generationId'].every(isIdentityName)).toBe(true);
    expect(isIdentityName('primaryKey')).toBe(false);
  });
});
