import { describe, expect, it } from 'vitest';
import { orderBatchLines } from '../../../../src/core/plan/order-batch-lines';

const scope = (id: string): string => `ms-azure-iot-edge://${id}-637000000000000001`;
const lines = (...objects: object[]) =>
  objects.map((o, i) => ({ line: i + 1, text: JSON.stringify(o) }));

describe('orderBatchLines', () => {
  it('sorts by device id, a device keeping the file order of its lines', () => {
    const batch = lines({ id: 'b' }, { id: 'a', moduleId: 'm' }, { id: 'a' }, { id: 'c' });
    expect(orderBatchLines(batch, 10_000)).toEqual([1, 2, 0, 3]);
  });

  it('applies edge devices first, parents before their edge children, modules with them', () => {
    const batch = lines(
      { id: 'a-leaf', deviceScope: scope('z-root') },
      { id: 'm-child', capabilities: { iotEdge: true }, parentScopes: [scope('z-root')] },
      { id: 'm-child', moduleId: 'custom' },
      { id: 'z-root', capabilities: { iotEdge: true }, parentScopes: [] },
      { id: 'b-plain' },
    );
    expect(orderBatchLines(batch, 10_000)).toEqual([3, 1, 2, 0, 4]);
  });

  it('keeps file order for a batch of one line at a time', () => {
    const batch = lines({ id: 'b' }, { id: 'a', capabilities: { iotEdge: true } });
    expect(orderBatchLines(batch, 1)).toEqual([0, 1]);
  });
});
