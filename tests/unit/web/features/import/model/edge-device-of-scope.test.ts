import { describe, expect, it } from 'vitest';
import { edgeDeviceOfScope } from '../../../../../../src/web/features/import/model/edge-device-of-scope';

describe('edgeDeviceOfScope', () => {
  it('reads the device id of a scope the hub minted, dashes in the id included', () => {
    expect(edgeDeviceOfScope('ms-azure-iot-edge://gw-1-637000000000000000')).toBe('gw-1');
    expect(edgeDeviceOfScope('ms-azure-iot-edge://a-b-c-12')).toBe('a-b-c');
  });

  it('refuses what is not a minted scope', () => {
    expect(edgeDeviceOfScope('')).toBeUndefined();
    expect(edgeDeviceOfScope('ms-azure-iot-edge://gw')).toBeUndefined();
    expect(edgeDeviceOfScope('ms-azure-iot-edge://-12')).toBeUndefined();
    expect(edgeDeviceOfScope('other://gw-12')).toBeUndefined();
  });
});
