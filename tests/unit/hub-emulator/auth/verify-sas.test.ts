import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifySas } from '../../../../src/hub-emulator/auth/verify-sas';
import { signSas } from '../../../../src/hub-emulator/auth/sign-sas';
import { HubError } from '../../../../src/hub-emulator/http/hub-error';
import type { Policy } from '../../../../src/hub-emulator/auth/policies';

const key = Buffer.alloc(32, 3).toString('base64');
const policy: Policy = { name: 'iothubowner', key, rights: 15 };
const ctx = {
  policies: new Map([['iothubowner', policy]]),
  resources: ['localhost', 'localhost:8443'],
  now: new Date(1_800_000_000_000),
};
const se = 1_800_000_000 + 3600;

describe('verifySas', () => {
  it('accepts a token minted like the Node SDK', () => {
    expect(verifySas(signSas('localhost', 'iothubowner', key, se), ctx)).toBe(policy);
  });

  it('accepts a token for the host name with the port', () => {
    expect(verifySas(signSas('localhost:8443', 'iothubowner', key, se), ctx)).toBe(policy);
  });

  it('accepts field names in upper case and any order', () => {
    const sig = encodeURIComponent(
      createHmac('sha256', Buffer.from(key, 'base64')).update(`localhost\n${se}`).digest('base64'),
    );
    expect(
      verifySas(`SharedAccessSignature SKN=iothubowner&SE=${se}&SIG=${sig}&SR=localhost`, ctx),
    ).toBe(policy);
  });

  it('computes the HMAC over the raw sr, keeping its escapes', () => {
    const sr = 'LOCALHOST%3A8443';
    const sig = encodeURIComponent(
      createHmac('sha256', Buffer.from(key, 'base64')).update(`${sr}\n${se}`).digest('base64'),
    );
    expect(
      verifySas(`SharedAccessSignature sr=${sr}&sig=${sig}&se=${se}&skn=iothubowner`, ctx),
    ).toBe(policy);
    const resigned = encodeURIComponent(
      createHmac('sha256', Buffer.from(key, 'base64'))
        .update(`localhost%3A8443\n${se}`)
        .digest('base64'),
    );
    expect(
      verifySas(`SharedAccessSignature sr=${sr}&sig=${resigned}&se=${se}&skn=iothubowner`, ctx),
    ).toBeInstanceOf(HubError);
  });

  it.each([
    ['a missing header', undefined],
    ['a bearer token', 'Bearer abc'],
    ['a token without se', `SharedAccessSignature sr=localhost&sig=abc&skn=iothubowner`],
    ['a device-key token (no skn)', `SharedAccessSignature sr=localhost&sig=abc&se=${se}`],
    ['an unknown policy', signSas('localhost', 'nobody', key, se)],
    [
      'a wrong key',
      signSas('localhost', 'iothubowner', Buffer.alloc(32, 4).toString('base64'), se),
    ],
    ['another host', signSas('other.azure-devices.net', 'iothubowner', key, se)],
    [
      'an expiry more than five minutes ago',
      signSas('localhost', 'iothubowner', key, 1_800_000_000 - 301),
    ],
  ])('rejects %s with IotHubUnauthorizedAccess', (_name, header) => {
    const result = verifySas(header, ctx);
    expect(result).toBeInstanceOf(HubError);
    expect((result as HubError).errorName).toBe('IotHubUnauthorizedAccess');
  });

  it('still accepts a token expired less than five minutes ago', () => {
    expect(verifySas(signSas('localhost', 'iothubowner', key, 1_800_000_000 - 299), ctx)).toBe(
      policy,
    );
  });
});
