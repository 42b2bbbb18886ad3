import { describe, expect, it } from 'vitest';
import { parseHubConnectionString } from '../../../../src/proxy/hub/connection-string';

describe('parseHubConnectionString', () => {
  it('keeps the base64 padding of the key by splitting each pair on the first = only', () => {
    const parsed = parseHubConnectionString(
      'HostName=my-hub.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=AAAA/+==',
    );
    expect(parsed).toEqual({
      hostName: 'my-hub.azure-devices.net',
      keyName: 'iothubowner',
      key: 'AAAA/+==',
    });
  });

  it('matches names case-insensitively and accepts a host with a port (the emulator)', () => {
    const parsed = parseHubConnectionString(
      'hostname=localhost:8443;sharedaccesskeyname=registryReadWrite;sharedaccesskey=QUJD',
    );
    expect(parsed.hostName).toBe('localhost:8443');
  });

  it('lists every problem of a bad string at once', () => {
    expect(() =>
      parseHubConnectionString('HostName=https://evil.example/x;SharedAccessKey=not base64'),
    ).toThrow(
      /HostName is missing or not a host name; SharedAccessKeyName is missing or invalid; SharedAccessKey is missing or not base64/,
    );
  });

  it('refuses a part without a name', () => {
    expect(() => parseHubConnectionString('=x;HostName=a')).toThrow(/Name=Value/);
  });
});
