import { describe, expect, it } from 'vitest';
import {
  isKeyRegeneration,
  MODULE_KEYS_KEPT,
  newDeviceKey,
  regenerateKeysLine,
} from '../../../../src/core/bulk/regenerate-keys';
import type { ExportImportDevice } from '../../../../src/core/model/export-import-device';
import type { RegistryEntry } from '../../../../src/core/registry/registry-types';

const KEYS = { primaryKey: 'cHJpbWFyeQ==', secondaryKey: 'c2Vjb25kYXJ5' };
const entry = (device: ExportImportDevice): RegistryEntry => ({
  id: device.id,
  ...(device.moduleId ? { moduleId: device.moduleId } : {}),
  line: 1,
  text: JSON.stringify(device),
  device,
});
const sasDevice = (overrides: Partial<ExportImportDevice> = {}): ExportImportDevice => ({
  id: 'd1',
  eTag: 'MQ==',
  status: 'disabled',
  authentication: { symmetricKey: KEYS, type: 'sas' },
  deviceScope: 'ms-azure-iot-edge://gw-1',
  capabilities: { iotEdge: false },
  tags: { site: 'a' },
  ...overrides,
});
// Each call fills the bytes with the next counter value, so every key is distinct and known.
const counterBytes = () => {
  let next = 1;
  return (length: number) => new Uint8Array(length).fill(next++);
};
const keyOf = (fill: number) => newDeviceKey((length) => new Uint8Array(length).fill(fill));

describe('regenerateKeysLine', () => {
  it('gives a new primary key, keeps the secondary, status, scope and eTag, and sends no twin', () => {
    const result = regenerateKeysLine('regenerate-primary', entry(sasDevice()), counterBytes());
    if (!('line' in result)) throw new Error(result.skipped);
    expect(result.keys).toEqual({ primaryKey: keyOf(1), secondaryKey: KEYS.secondaryKey });
    expect(JSON.parse(result.line)).toEqual({
      id: 'd1',
      eTag: 'MQ==',
      importMode: 'updateIfMatchETag',
      status: 'disabled',
      authentication: { type: 'sas', symmetricKey: result.keys },
      capabilities: { iotEdge: false },
      deviceScope: 'ms-azure-iot-edge://gw-1',
    });
  });

  it('gives a new secondary key and keeps the primary', () => {
    const result = regenerateKeysLine('regenerate-secondary', entry(sasDevice()), counterBytes());
    expect('keys' in result && result.keys).toEqual({
      primaryKey: KEYS.primaryKey,
      secondaryKey: keyOf(1),
    });
  });

  it('gives two different new keys for both', () => {
    const result = regenerateKeysLine('regenerate-both', entry(sasDevice()), counterBytes());
    expect('keys' in result && result.keys).toEqual({
      primaryKey: keyOf(1),
      secondaryKey: keyOf(2),
    });
  });

  it('makes keys of 32 bytes in base64, as the hub does', () => {
    expect(atob(keyOf(7))).toHaveLength(32);
  });

  it('uses update without an eTag when the export has none', () => {
    const result = regenerateKeysLine(
      'regenerate-primary',
      entry(sasDevice({ eTag: '' })),
      counterBytes(),
    );
    expect('line' in result && JSON.parse(result.line)).toMatchObject({ importMode: 'update' });
    expect('line' in result && JSON.parse(result.line)).not.toHaveProperty('eTag');
  });

  it.each([
    ['a module', sasDevice({ moduleId: 'm1' }), MODULE_KEYS_KEPT],
    [
      'an X.509 device',
      sasDevice({
        authentication: {
          type: 'selfSigned',
          x509Thumbprint: { primaryThumbprint: 'AB', secondaryThumbprint: null },
        },
      }),
      'it does not use SAS keys',
    ],
    [
      'a device exported without keys',
      sasDevice({
        authentication: {
          type: 'sas',
          symmetricKey: { primaryKey: KEYS.primaryKey, secondaryKey: null },
        },
      }),
      'the export has no keys for it (export with keys first)',
    ],
  ])('leaves out %s', (_name, device, reason) => {
    expect(regenerateKeysLine('regenerate-both', entry(device), counterBytes())).toEqual({
      skipped: reason,
    });
  });
});

describe('isKeyRegeneration', () => {
  it('tells the regenerations from the other actions', () => {
    expect(isKeyRegeneration('regenerate-both')).toBe(true);
    expect(isKeyRegeneration('swap-keys')).toBe(false);
  });
});
