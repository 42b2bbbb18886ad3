import type { IdentityState } from '../plan/identity-state';

/**
 * Parents before children: edge devices without a parent first, then nested edge devices, then
 * leaf devices, each device followed by its own modules. Within a rank the input order (by key)
 * is kept. Reversed, it gives the order to delete in.
 */
export function orderParentsFirst<T>(
  items: T[],
  identityOf: (item: T) => IdentityState | undefined,
): T[] {
  const rank = (item: T): number => {
    const identity = identityOf(item);
    if (identity === undefined) return 3;
    if (identity.iotEdge) return identity.parentScopes.length > 0 ? 1 : 0;
    return 2;
  };
  const devices = items.filter((item) => identityOf(item)?.moduleId === undefined);
  const modulesOf = new Map<string, T[]>();
  for (const item of items) {
    const identity = identityOf(item);
    if (identity?.moduleId === undefined) continue;
    const list = modulesOf.get(identity.id);
    if (list === undefined) modulesOf.set(identity.id, [item]);
    else list.push(item);
  }
  const sorted = devices
    .map((item, index) => ({ item, index, rank: rank(item) }))
    .sort((x, y) => x.rank - y.rank || x.index - y.index);
  const out: T[] = [];
  for (const { item } of sorted) {
    out.push(item);
    const id = identityOf(item)?.id;
    if (id === undefined) continue;
    out.push(...(modulesOf.get(id) ?? []));
    modulesOf.delete(id);
  }
  // Modules whose device the import left alone.
  for (const list of modulesOf.values()) out.push(...list);
  return out;
}
