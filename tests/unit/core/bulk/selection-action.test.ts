import { describe, expect, it } from 'vitest';
import { selectionActionLine } from '../../../../src/core/bulk/selection-action';
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
  status: 'enabled',
  authentication: { symmetricKey: KEYS, type: 'sas' },
  deviceScope: 'ms-azure-iot-edge://gw-1',
  capabilities: { iotEdge: false },
  tags: { site: 'a' },
  ...overrides,
});
const lineOf = (result: ReturnType<typeof selectionActionLine>): unknown =>
  'line' in result ? JSON.parse(result.line) : result;

describe('selectionActionLine', () => {
  it('disables with the eTag, the keys and the scope kept, and no twin', () => {
    expect(lineOf(selectionActionLine('disable', entry(sasDevice())))).toEqual({
      id: 'd1',
      eTag: 'MQ==',
      importMode: 'updateIfMatchETag',
      status: 'disabled',
      authentication: { symmetricKey: KEYS, type: 'sas' },
      capabilities: { iotEdge: false },
      deviceScope: 'ms-azure-iot-edge://gw-1',
    });
  });

  it('leaves out what the action cannot change, with the reason', () => {
    expect(selectionActionLine('enable', entry(sasDevice()))).toEqual({
      skipped: 'already enabled',
    });
    expect(selectionActionLine('disable', entry(sasDevice({ moduleId: 'm' })))).toEqual({
      skipped: 'a module has no status of its own',
    });
    expect(
      selectionActionLine(
        'disable',
        entry(sasDevice({ authentication: { symmetricKey: null, type: 'sas' } })),
      ),
    ).toEqual({ skipped: 'the export has no keys for it: an update would mint new ones' });
    expect(selectionActionLine('delete', entry(sasDevice({ moduleId: 'm' })))).toEqual({
      skipped: 'deleted with its device',
    });
    expect(
      selectionActionLine(
        'swap-keys',
        entry(sasDevice({ authentication: { type: 'selfSigned' } })),
      ),
    ).toEqual({ skipped: 'it does not use SAS keys' });
  });

  it('swaps the keys, modules included', () => {
    expect(
      lineOf(selectionActionLine('swap-keys', entry(sasDevice({ moduleId: 'm' })))),
    ).toMatchObject({
      id: 'd1',
      moduleId: 'm',
      importMode: 'updateIfMatchETag',
      authentication: {
        symmetricKey: { primaryKey: KEYS.secondaryKey, secondaryKey: KEYS.primaryKey },
      },
    });
  });

  it('deletes by eTag, or plainly when the export has none', () => {
    expect(lineOf(selectionActionLine('delete', entry(sasDevice())))).toMatchObject({
      importMode: 'deleteIfMatchETag',
      eTag: 'MQ==',
    });
    const { eTag: _eTag, ...withoutETag } = sasDevice();
    expect(lineOf(selectionActionLine('delete', entry(withoutETag)))).toEqual({
      id: 'd1',
      importMode: 'delete',
      status: 'enabled',
    });
  });
});
