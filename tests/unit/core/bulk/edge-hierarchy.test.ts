import { describe, expect, it } from 'vitest';
import { createEdgeHierarchy } from '../../../../src/core/bulk/edge-hierarchy';
import { entry } from './support/hub-export-fixture';

const scope = (id: string): string => `ms-azure-iot-edge://${id}-1`;
const edge = (id: string, parent?: string) =>
  entry({
    id,
    capabilities: { iotEdge: true },
    deviceScope: scope(id),
    parentScopes: parent ? [scope(parent)] : [],
  });

describe('createEdgeHierarchy', () => {
  it('gives each edge device its depth, whatever order the export lists them in', () => {
    const h = createEdgeHierarchy();
    for (const e of [edge('c', 'b'), edge('b', 'a'), edge('a'), edge('z')]) h.add(e);
    h.add(entry({ id: 'leaf', deviceScope: scope('c'), parentScopes: [scope('c')] }));
    expect(['a', 'b', 'c', 'z'].map((id) => h.depthOf(id))).toEqual([0, 1, 2, 0]);
    expect(h.depthOf('leaf')).toBeUndefined();
    expect(h.isEdge('leaf')).toBe(false);
    expect(h.ownerOf(scope('b'))).toBe('b');
    expect(h.maxDepth).toBe(2);
  });

  it('puts an edge device whose parent is not in the export at the top', () => {
    const h = createEdgeHierarchy();
    h.add(edge('orphan', 'gone'));
    expect(h.depthOf('orphan')).toBe(0);
  });

  it('ends the walk of a cycle a hand-edited file could hold', () => {
    const h = createEdgeHierarchy();
    h.add(edge('x', 'y'));
    h.add(edge('y', 'x'));
    expect(h.depthOf('x')).toBeTypeOf('number');
    expect(h.maxDepth).toBeLessThanOrEqual(1);
  });

  it('ignores modules and devices that are no edge device', () => {
    const h = createEdgeHierarchy();
    h.add(entry({ id: 'gw', moduleId: '$edgeAgent', capabilities: { iotEdge: true } }));
    h.add(entry({ id: 'plain', capabilities: { iotEdge: false } }));
    expect(h.maxDepth).toBe(-1);
  });
});
