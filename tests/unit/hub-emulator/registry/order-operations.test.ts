import { describe, expect, it } from 'vitest';
import { orderOperations } from '../../../../src/hub-emulator/registry/order-operations';
import type { ImportOperation } from '../../../../src/hub-emulator/registry/import-operation';
import type { IdentityInput } from '../../../../src/hub-emulator/model/identity-input';

const op = (input: Partial<IdentityInput> & { deviceId: string }): ImportOperation => ({
  mode: 'createOrUpdate',
  input: { moduleId: '', ...input },
});
const ids = (list: ReturnType<typeof orderOperations>): string[] =>
  list.map(({ operation: { input } }) =>
    input.moduleId ? `${input.deviceId}/${input.moduleId}` : input.deviceId,
  );

describe('orderOperations', () => {
  it('sorts plain devices by id and keeps the lines of one device in file order', () => {
    const batch = [
      op({ deviceId: 'b' }),
      op({ deviceId: 'a', moduleId: 'm' }),
      op({ deviceId: 'a' }),
    ];
    expect(
      ids(
        orderOperations(
          batch.map((operation, index) => ({ index, operation })),
          true,
        ),
      ),
    ).toEqual(['a/m', 'a', 'b']);
  });

  it('applies edge devices first, parents before children, then the rest', () => {
    const batch = [
      op({ deviceId: 'a-leaf', deviceScope: 'ms-azure-iot-edge://z-root-1' }),
      op({ deviceId: 'm-child', iotEdge: true, parentScopes: ['ms-azure-iot-edge://z-root-1'] }),
      op({
        deviceId: 'b-grandchild',
        iotEdge: true,
        parentScopes: ['ms-azure-iot-edge://m-child-2'],
      }),
      op({ deviceId: 'z-root', iotEdge: true }),
      op({ deviceId: 'z-root', moduleId: '$edgeAgent' }),
    ];
    expect(
      ids(
        orderOperations(
          batch.map((operation, index) => ({ index, operation })),
          true,
        ),
      ),
    ).toEqual(['z-root', 'z-root/$edgeAgent', 'm-child', 'b-grandchild', 'a-leaf']);
  });

  it('keeps the request order of a bulk call apart from the edge devices', () => {
    const batch = [
      op({ deviceId: 'b' }),
      op({ deviceId: 'e', iotEdge: true }),
      op({ deviceId: 'a' }),
    ];
    expect(
      ids(
        orderOperations(
          batch.map((operation, index) => ({ index, operation })),
          false,
        ),
      ),
    ).toEqual(['e', 'b', 'a']);
  });

  it('survives a loop in the named parents', () => {
    const batch = [
      op({ deviceId: 'x', iotEdge: true, parentScopes: ['ms-azure-iot-edge://y-1'] }),
      op({ deviceId: 'y', iotEdge: true, parentScopes: ['ms-azure-iot-edge://x-1'] }),
    ];
    expect(
      ids(
        orderOperations(
          batch.map((operation, index) => ({ index, operation })),
          true,
        ),
      ).sort(),
    ).toEqual(['x', 'y']);
  });
});
