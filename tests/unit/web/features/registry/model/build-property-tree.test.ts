import { describe, expect, it } from 'vitest';
import { buildPropertyTree } from '../../../../../../src/web/features/registry/model/build-property-tree';

describe('buildPropertyTree', () => {
  it('turns nested objects into branches and scalars into leaves', () => {
    const tree = buildPropertyTree({ site: 'berlin', location: { floor: 3, room: null } }, 'tags');
    expect(tree).toEqual([
      { path: 'tags.site', name: 'site', value: 'berlin', children: [] },
      {
        path: 'tags.location',
        name: 'location',
        value: null,
        children: [
          { path: 'tags.location.floor', name: 'floor', value: '3', children: [] },
          { path: 'tags.location.room', name: 'room', value: 'null', children: [] },
        ],
      },
    ]);
  });

  it('names array items by index and shows empty containers as leaves', () => {
    const tree = buildPropertyTree({ list: ['a', 'b'], none: [], empty: {} }, 'd');
    expect(tree[0]?.children.map((n) => [n.name, n.value])).toEqual([
      ['[0]', 'a'],
      ['[1]', 'b'],
    ]);
    expect(tree.slice(1).map((n) => n.value)).toEqual(['[]', '{}']);
  });

  it('leaves out $metadata and $version when asked', () => {
    const tree = buildPropertyTree({ $metadata: { x: 1 }, $version: 4, interval: 30 }, 'desired', {
      skipVersionFields: true,
    });
    expect(tree.map((n) => n.name)).toEqual(['interval']);
  });

  it('has nothing for a missing collection', () => {
    expect(buildPropertyTree(undefined, 'tags')).toEqual([]);
  });
});
