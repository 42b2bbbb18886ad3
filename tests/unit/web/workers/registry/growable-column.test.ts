import { describe, expect, it } from 'vitest';
import { int32Column, uint8Column } from '../../../../../src/web/workers/registry/growable-column';

describe('a growable column', () => {
  it('keeps every value pushed past its initial capacity, in order', () => {
    const column = int32Column(2);
    for (let i = 0; i < 1000; i++) column.push(i * 3);
    expect(column.length).toBe(1000);
    expect(column.at(999)).toBe(2997);
    expect(Array.from(column.view().subarray(0, 4))).toEqual([0, 3, 6, 9]);
  });

  it('views only the filled part, and starts over when cleared', () => {
    const column = uint8Column(8);
    column.push(1);
    column.push(2);
    expect(Array.from(column.view())).toEqual([1, 2]);
    column.clear();
    expect(column.view()).toHaveLength(0);
  });
});
