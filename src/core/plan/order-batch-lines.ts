import { readLineKey } from './read-line-key';
import { readScopeFields } from './read-scope-fields';

export interface PendingLine {
  line: number;
  text: string;
}

const EDGE = '"iotEdge":true';
const GENERATED_SCOPE_PREFIX = 'ms-azure-iot-edge://';

/**
 * The order the lines of a batch are applied in, as the emulator applies them (docs/hub-
 * emulator.md, "Edge devices and scopes"): the devices whose device line makes them edge devices
 * first, parents before their edge children, then every other device; otherwise sorted by device
 * id, stably, so lines of one device keep their file order. The ids come from the cheap key
 * reader; a line it cannot read fails and applies nothing, so where it sorts does not matter. A
 * batch size of 0 or 1 keeps file order.
 */
export function orderBatchLines(batch: readonly PendingLine[], batchLines: number): number[] {
  const order = batch.map((_, i) => i);
  if (batchLines <= 1) return order;
  const keys = batch.map((p) => readLineKey(p.text));
  const ids = keys.map((k) => k?.id ?? '');
  const ranks = edgeRanks(batch, keys);
  return order.sort((a, b) => {
    const byRank = ranks === undefined ? 0 : (ranks[a] ?? 0) - (ranks[b] ?? 0);
    if (byRank !== 0) return byRank;
    const x = ids[a] ?? '';
    const y = ids[b] ?? '';
    return x < y ? -1 : x > y ? 1 : a - b;
  });
}

// Per line: the depth of its device among the batch's edge devices (its module lines go with it),
// or MAX_SAFE_INTEGER for every other device; undefined when the batch has no edge device line.
function edgeRanks(
  batch: readonly PendingLine[],
  keys: ReturnType<typeof readLineKey>[],
): number[] | undefined {
  const edgeIds = new Set<string>();
  const parentOf = new Map<string, string>();
  batch.forEach((pending, i) => {
    const key = keys[i];
    if (key === undefined || key.moduleId !== undefined || !pending.text.includes(EDGE)) return;
    edgeIds.add(key.id);
    const parent = readScopeFields(pending.text)?.parentScope;
    const owner = parent === undefined ? undefined : generatedScopeOwner(parent);
    if (owner !== undefined) parentOf.set(key.id, owner);
  });
  if (edgeIds.size === 0) return undefined;
  const depths = new Map<string, number>();
  const depthOf = (id: string, seen: Set<string>): number => {
    const known = depths.get(id);
    if (known !== undefined) return known;
    const parent = parentOf.get(id);
    // A parent outside the batch (or a loop, which the scope rules refuse) starts a new tree.
    const depth =
      parent !== undefined && edgeIds.has(parent) && !seen.has(parent)
        ? depthOf(parent, seen.add(id)) + 1
        : 0;
    depths.set(id, depth);
    return depth;
  };
  return keys.map((key) =>
    key !== undefined && edgeIds.has(key.id) ? depthOf(key.id, new Set()) : Number.MAX_SAFE_INTEGER,
  );
}

/** The device id inside a generated scope (`ms-azure-iot-edge://<id>-<digits>`), as the hub reads it. */
function generatedScopeOwner(scope: string): string | undefined {
  if (!scope.startsWith(GENERATED_SCOPE_PREFIX)) return undefined;
  const rest = scope.slice(GENERATED_SCOPE_PREFIX.length);
  const dash = rest.lastIndexOf('-');
  if (dash <= 0 || !/^\d+$/.test(rest.slice(dash + 1))) return undefined;
  return rest.slice(0, dash);
}
