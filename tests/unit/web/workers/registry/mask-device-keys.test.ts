import { describe, expect, it } from 'vitest';
import { KEY_MASK } from '../../../../../src/core/model/key-mask';
import {
  maskDeviceKeys,
  readDeviceKeys,
} from '../../../../../src/web/workers/registry/mask-device-keys';

describe('maskDeviceKeys', () => {
  it('replaces both key values and leaves the rest of the device alone', () => {
    const device = {
      id: 'd',
      status: 'enabled' as const,
      authentication: {
        type: 'sas' as const,
        symmetricKey: { primaryKey: 'p', secondaryKey: 's' },
      },
    };
    expect(maskDeviceKeys(device)).toEqual({
      ...device,
      authentication: {
        type: 'sas',
        symmetricKey: { primaryKey: KEY_MASK, secondaryKey: KEY_MASK },
      },
    });
    expect(device.authentication.symmetricKey.primaryKey).toBe('p');
  });

  it('keeps absent keys absent and devices without authentication as they are', () => {
    expect(
      maskDeviceKeys({
        id: 'd',
        authentication: { type: 'sas', symmetricKey: { primaryKey: null, secondaryKey: '' } },
      }).authentication?.symmetricKey,
    ).toEqual({ primaryKey: null, secondaryKey: '' });
    const none = { id: 'd', authentication: null };
    expect(maskDeviceKeys(none)).toBe(none);
  });
});

describe('readDeviceKeys', () => {
  it('returns only keys that have a value', () => {
    expect(
      readDeviceKeys({
        id: 'd',
        authentication: { type: 'sas', symmetricKey: { primaryKey: 'p', secondaryKey: null } },
      }),
    ).toEqual({ primaryKey: 'p' });
    expect(readDeviceKeys({ id: 'd' })).toEqual({});
  });
});
