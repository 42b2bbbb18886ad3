import { scopeOwnerId } from '../model/device-scope';
import type { ImportOperation } from './import-operation';

// The order in which one import batch or one bulk call is applied. Lines of one device (its device
// line and its module lines) keep their relative order. Devices that become IoT Edge devices come
// first, parents before their edge children, so that within a batch a leaf or a child may name a
// parent that comes later in the file (docs/hub-emulator.md, "Edge devices and scopes"). Import
// batches are otherwise sorted by device id: sequential b-tree writes are about three times faster
// than random ones.
export interface IndexedOperation {
  index: number;
  operation: ImportOperation;
}

export function orderOperations(
  operations: IndexedOperation[],
  sortById: boolean,
): IndexedOperation[] {
  const edgeIds = new Set<string>();
  const parentOf = new Map<string, string>();
  for (const { operation } of operations) {
    const { input } = operation;
    if (input.moduleId || input.iotEdge !== true) continue;
    edgeIds.add(input.deviceId);
    const parent = input.parentScopes?.[0];
    const owner = parent === undefined ? undefined : scopeOwnerId(parent);
    if (owner !== undefined) parentOf.set(input.deviceId, owner);
  }
  if (edgeIds.size === 0) {
    if (!sortById) return operations;
    return [...operations].sort((a, b) => byId(a, b) || a.index - b.index);
  }
  const depths = new Map<string, number>();
  const depthOf = (deviceId: string, seen: Set<string>): number => {
    const known = depths.get(deviceId);
    if (known !== undefined) return known;
    const parent = parentOf.get(deviceId);
    // A parent outside this batch (or a loop, which the scope rules refuse) starts a new tree.
    const depth =
      parent !== undefined && edgeIds.has(parent) && !seen.has(parent)
        ? depthOf(parent, seen.add(deviceId)) + 1
        : 0;
    depths.set(deviceId, depth);
    return depth;
  };
  const rank = (op: IndexedOperation): number => {
    const id = op.operation.input.deviceId;
    return edgeIds.has(id) ? depthOf(id, new Set()) : Number.MAX_SAFE_INTEGER;
  };
  const ranks = new Map(operations.map((op) => [op, rank(op)]));
  return [...operations].sort(
    (a, b) =>
      (ranks.get(a) ?? 0) - (ranks.get(b) ?? 0) || (sortById ? byId(a, b) : 0) || a.index - b.index,
  );
}

function byId(a: IndexedOperation, b: IndexedOperation): number {
  const x = a.operation.input.deviceId;
  const y = b.operation.input.deviceId;
  return x < y ? -1 : x > y ? 1 : 0;
}
