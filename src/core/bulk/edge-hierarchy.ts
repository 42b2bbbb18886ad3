import type { RegistryEntry } from '../registry/registry-types';

// The edge devices of an export and how deep each sits under its parents, so a copy can write
// parents before children and a delete children before parents (docs/bulk-flows.md, "Copy a hub
// into another"). Only edge devices are kept (their id, own scope and parent scope): a leaf is
// never anyone's parent, so the memory grows with the gateways, not with the hub.

export interface EdgeHierarchy {
  /** Reads one export entry; everything but an edge device's own line is ignored. */
  add(entry: RegistryEntry): void;
  /** True for the id of an edge device of the export. */
  isEdge(id: string): boolean;
  /** The edge device that holds this scope in the export, if any. */
  ownerOf(scope: string): string | undefined;
  /**
   * 0 for an edge device without a parent (or whose parent is not in the export), 1 under such a
   * device, and so on; undefined for a device that is not an edge device.
   */
  depthOf(id: string): number | undefined;
  /** The largest depth, -1 without edge devices. */
  readonly maxDepth: number;
}

export function createEdgeHierarchy(): EdgeHierarchy {
  const ownerOfScope = new Map<string, string>();
  const parentScopeOf = new Map<string, string | undefined>();
  const depths = new Map<string, number>();
  let computedMax: number | undefined;

  function depth(id: string): number {
    const known = depths.get(id);
    if (known !== undefined) return known;
    const chain: string[] = [];
    let current: string | undefined = id;
    let base = -1;
    // A hub refuses a cycle, but a hand-edited file could hold one: the walk stops where it would
    // come back to a device it passed.
    const passed = new Set<string>();
    while (current !== undefined && !passed.has(current)) {
      const cached = depths.get(current);
      if (cached !== undefined) {
        base = cached;
        break;
      }
      chain.push(current);
      passed.add(current);
      const scope = parentScopeOf.get(current);
      const parent = scope === undefined ? undefined : ownerOfScope.get(scope);
      current = parent !== undefined && parent !== current ? parent : undefined;
    }
    for (let i = chain.length - 1, d = base + 1; i >= 0; i--, d++) depths.set(chain[i] ?? '', d);
    return depths.get(id) ?? 0;
  }

  return {
    add(entry) {
      if (entry.moduleId !== undefined || entry.device.capabilities?.iotEdge !== true) return;
      const { device } = entry;
      if (typeof device.deviceScope === 'string' && device.deviceScope !== '')
        ownerOfScope.set(device.deviceScope, device.id);
      const parent = Array.isArray(device.parentScopes) ? device.parentScopes[0] : undefined;
      parentScopeOf.set(
        device.id,
        typeof parent === 'string' && parent !== '' ? parent : undefined,
      );
      depths.clear();
      computedMax = undefined;
    },
    isEdge: (id) => parentScopeOf.has(id),
    ownerOf: (scope) => ownerOfScope.get(scope),
    depthOf: (id) => (parentScopeOf.has(id) ? depth(id) : undefined),
    get maxDepth() {
      if (computedMax === undefined) {
        computedMax = -1;
        for (const id of parentScopeOf.keys()) computedMax = Math.max(computedMax, depth(id));
      }
      return computedMax;
    },
  };
}
