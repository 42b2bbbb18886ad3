import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSasTokenCache, signHubSasToken } from '../../../../src/proxy/hub/sas-token';

const credentials = {
  hostName: 'my-hub.azure-devices.net',
  keyName: 'iothubowner',
  key: Buffer.from('0123456789abcdef0123456789abcdef').toString('base64'),
};

describe('signHubSasToken', () => {
  it('signs "<url-encoded host>\\n<expiry>" with the decoded key, as docs/reference/hub-wire-contract.md#sas-tokens describes', () => {
    const token = signHubSasToken(credentials, 1_900_000_000);
    const expected = createHmac('sha256', Buffer.from(credentials.key, 'base64'))
      .update('my-hub.azure-devices.net\n1900000000')
      .digest('base64');
    expect(token).toBe(
      `SharedAccessSignature sr=my-hub.azure-devices.net&sig=${encodeURIComponent(expected)}&se=1900000000&skn=iothubowner`,
    );
  });

  it('url-encodes a host with a port in sr', () => {
    expect(signHubSasToken({ ...credentials, hostName: 'localhost:8443' }, 1)).toContain(
      'sr=localhost%3A8443&',
    );
  });
});

describe('createSasTokenCache', () => {
  it('reuses the token until five minutes before expiry, then signs a new one', () => {
    let now = new Date('2026-11-27T10:00:00Z');
    const token = createSasTokenCache(credentials, {
      now: () => now,
      lifetimeSeconds: 3600,
      renewBeforeSeconds: 300,
    });
    const first = token();
    now = new Date('2026-11-27T10:54:00Z');
    expect(token()).toBe(first);
    now = new Date('2026-11-27T10:55:00Z');
    const second = token();
    expect(second).not.toBe(first);
    expect(second).toContain(`se=${Date.parse('2026-11-27T11:55:00Z') / 1000}`);
  });
});
