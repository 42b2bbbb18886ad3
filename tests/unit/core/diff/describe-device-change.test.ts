import { describe, expect, it } from 'vitest';
import { describeDeviceChange } from '../../../../src/core/diff/describe-device-change';
import { KEY_MASK } from '../../../../src/core/model/key-mask';
import type { ExportImportDevice } from '../../../../src/core/model/export-import-device';
import { deviceKey } from '../../../../src/core/registry/device-key';
import type { RegistrySnapshot } from '../../../../src/core/registry/registry-types';
import { FIXTURE_KEYS, fixtureSnapshot } from './support/load-fixture';

const a = fixtureSnapshot('export-a.txt');
const b = fixtureSnapshot('export-b.txt');
const device = (
  s: RegistrySnapshot,
  id: string,
  moduleId?: string,
): ExportImportDevice | undefined => {
  const text = s.records.get(deviceKey(id, moduleId))?.text;
  return text === undefined ? undefined : (JSON.parse(text) as ExportImportDevice);
};

describe('describeDeviceChange', () => {
  it('shows keys masked on both sides and whether they changed', () => {
    const rows = describeDeviceChange(device(a, 'dev-keys'), device(b, 'dev-keys'));
    expect(rows.find((r) => r.path === 'authentication.keys')).toEqual({
      path: 'authentication.keys',
      a: KEY_MASK,
      b: KEY_MASK,
      changed: true,
      compared: true,
    });
    expect(rows.find((r) => r.path === 'status')).toEqual({
      path: 'status',
      a: 'enabled',
      b: 'enabled',
      changed: false,
      compared: true,
    });
  });

  it('never puts a key value in any row', () => {
    const pairs: [string, string | undefined][] = [
      ['dev-keys', undefined],
      ['dev-status', undefined],
      ['dev-mod', 'mod-a-only'],
      ['dev-b-only', undefined],
    ];
    for (const [id, moduleId] of pairs) {
      const text = JSON.stringify(
        describeDeviceChange(device(a, id, moduleId), device(b, id, moduleId)),
      );
      for (const key of FIXTURE_KEYS) expect(text).not.toContain(key);
    }
  });

  it('lists identity fields before twin fields, with thumbprints and tag leaves', () => {
    const rows = describeDeviceChange(device(a, 'dev-tags'), device(b, 'dev-tags'));
    expect(rows.map((r) => r.path)).toEqual([
      'status',
      'authentication.type',
      'authentication.keys',
      'tags.floor',
      'tags.location.building',
      'tags.location.room',
      'tags.site',
    ]);
    expect(rows.filter((r) => r.changed).map((r) => [r.path, r.a, r.b])).toEqual([
      ['tags.floor', 3, undefined],
      ['tags.location.room', '12', '14'],
      ['tags.site', 'plant-2', 'plant-1'],
    ]);
  });

  it('shows thumbprint values, which are not secrets', () => {
    const rows = describeDeviceChange(device(a, 'dev-thumb'), device(b, 'dev-thumb'));
    expect(rows.find((r) => r.changed)).toMatchObject({
      path: 'authentication.x509Thumbprint.primaryThumbprint',
      a: '3333333333333333333333333333333333333333',
      b: '1111111111111111111111111111111111111111',
    });
  });

  it('marks every field of an added device as changed, with B empty', () => {
    const rows = describeDeviceChange(device(a, 'dev-a-only'), undefined);
    expect(rows.every((r) => r.changed && r.b === undefined)).toBe(true);
    expect(rows.map((r) => r.path)).toContain('tags.site');
  });

  it('does not claim authentication changed when one side was exported without it', () => {
    const x = fixtureSnapshot('export-b-keys-excluded.txt');
    const rows = describeDeviceChange(device(a, 'dev-keys'), device(x, 'dev-keys'));
    const auth = rows.filter((r) => r.path.startsWith('authentication.'));
    expect(auth.length).toBeGreaterThan(0);
    expect(auth.every((r) => !r.changed && !r.compared)).toBe(true);
  });

  it('hides desired metadata unless version fields are asked for', () => {
    const plain = describeDeviceChange(device(a, 'dev-desired'), device(b, 'dev-desired'));
    expect(plain.some((r) => r.path.includes('$'))).toBe(false);
    const withVersions = describeDeviceChange(device(a, 'dev-desired'), device(b, 'dev-desired'), {
      includeVersionFields: true,
    });
    expect(withVersions.find((r) => r.path === 'properties.desired.$version')).toMatchObject({
      a: 3,
      b: 2,
      changed: true,
    });
  });
});
