import { describe, expect, it } from 'vitest';
import { resolveDeviceScopes } from '../../../../src/hub-emulator/registry/resolve-device-scopes';
import { createIdentity } from '../../../../src/hub-emulator/model/build-identity';
import type { Identity } from '../../../../src/hub-emulator/model/identity';
import type { IdentityInput } from '../../../../src/hub-emulator/model/identity-input';

const build = {
  now: new Date('2030-01-01T00:00:00Z'),
  keys: () => 'k',
  etag: 1,
  applyReported: true,
};
function device(input: Partial<IdentityInput> & { deviceId: string }): Identity {
  return createIdentity({ moduleId: '', ...input }, build);
}
const ROOT_SCOPE = 'ms-azure-iot-edge://root-11';
const CHILD_SCOPE = 'ms-azure-iot-edge://child-22';
const ROOT = device({
  deviceId: 'root',
  iotEdge: true,
  deviceScope: ROOT_SCOPE,
  parentScopes: [],
});
const CHILD = device({
  deviceId: 'child',
  iotEdge: true,
  deviceScope: CHILD_SCOPE,
  parentScopes: [ROOT_SCOPE],
});
const LEAF = device({
  deviceId: 'leaf',
  deviceScope: ROOT_SCOPE,
  parentScopes: [ROOT_SCOPE],
});
const registry = new Map([ROOT, CHILD, LEAF].map((d) => [d.deviceId, d]));
const store = {
  getIdentity: (id: string, moduleId: string) => (moduleId ? undefined : registry.get(id)),
};

const resolve = (input: Partial<IdentityInput> & { deviceId: string }, existing?: Identity) =>
  resolveDeviceScopes({ moduleId: '', ...input }, existing, '99', store);

describe('resolveDeviceScopes', () => {
  it('generates a new edge device its own scope and ignores a custom one', () => {
    expect(resolve({ deviceId: 'edge-new', iotEdge: true, deviceScope: 'custom' })).toEqual({
      deviceScope: 'ms-azure-iot-edge://edge-new-99',
      parentScopes: [],
    });
  });

  it("keeps a scope generated for the same id on another hub (an export's line)", () => {
    expect(
      resolve({
        deviceId: 'edge-new',
        iotEdge: true,
        deviceScope: 'ms-azure-iot-edge://edge-new-5',
      }),
    ).toMatchObject({ deviceScope: 'ms-azure-iot-edge://edge-new-5' });
  });

  it("never changes an existing edge device's scope", () => {
    expect(
      resolve({ deviceId: 'child', deviceScope: 'ms-azure-iot-edge://child-7' }, CHILD),
    ).toEqual({
      deviceScope: CHILD_SCOPE,
      parentScopes: CHILD.parentScopes,
    });
  });

  it('gives a leaf parentScopes [deviceScope]', () => {
    expect(resolve({ deviceId: 'leaf-2', deviceScope: ROOT_SCOPE })).toEqual({
      deviceScope: ROOT_SCOPE,
      parentScopes: [ROOT_SCOPE],
    });
  });

  it('takes a leaf scope from parentScopes alone', () => {
    expect(resolve({ deviceId: 'leaf-2', parentScopes: [CHILD_SCOPE] })).toMatchObject({
      deviceScope: CHILD_SCOPE,
    });
  });

  it.each([
    ['an unknown scope', { deviceId: 'leaf-2', deviceScope: 'a-random-uuid' }],
    [
      'the scope of a deleted edge',
      { deviceId: 'leaf-2', deviceScope: 'ms-azure-iot-edge://gone-1' },
    ],
    ['the scope of a leaf', { deviceId: 'leaf-2', deviceScope: 'ms-azure-iot-edge://leaf-1' }],
    [
      'parentScopes unequal to deviceScope',
      {
        deviceId: 'leaf-2',
        deviceScope: ROOT_SCOPE,
        parentScopes: [CHILD_SCOPE],
      },
    ],
    ['two edge parents', { deviceId: 'e', iotEdge: true, parentScopes: ['a', 'b'] }],
    ['an edge parent that is no edge', { deviceId: 'e', iotEdge: true, parentScopes: ['nope'] }],
  ])('refuses %s', (_name, input) => {
    expect(resolve(input)).toMatchObject({ errorName: 'ArgumentInvalid' });
  });

  it("refuses to change a leaf's scope to a string no edge device owns", () => {
    expect(resolve({ deviceId: 'leaf', deviceScope: 'c0ffee' }, LEAF)).toMatchObject({
      errorName: 'ArgumentInvalid',
    });
  });

  it('lets a leaf keep a scope whose edge device has gone', () => {
    const orphan = {
      ...LEAF,
      deviceScope: 'ms-azure-iot-edge://gone-1',
      parentScopes: ['ms-azure-iot-edge://gone-1'],
    };
    expect(
      resolve({ deviceId: 'leaf', deviceScope: 'ms-azure-iot-edge://gone-1' }, orphan),
    ).toEqual({
      deviceScope: 'ms-azure-iot-edge://gone-1',
      parentScopes: ['ms-azure-iot-edge://gone-1'],
    });
  });

  it('refuses a parent that would close a loop', () => {
    expect(resolve({ deviceId: 'root', parentScopes: [CHILD_SCOPE] }, ROOT)).toMatchObject({
      errorName: 'ArgumentInvalid',
    });
  });

  it("moves a former edge device's parent into its deviceScope when it becomes a leaf", () => {
    expect(resolve({ deviceId: 'child', iotEdge: false }, CHILD)).toEqual({
      deviceScope: ROOT_SCOPE,
      parentScopes: [ROOT_SCOPE],
    });
  });
});
