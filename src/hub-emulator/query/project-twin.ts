import { lookup } from './evaluate-condition';
import type { Path, SelectItem } from './query-ast';

// Projections and GROUP BY. A projected property that a twin lacks is left out of its item, and
// items are named by their alias or the path's last segment; groups come out in the order their
// first twin was met (docs/hub-emulator.md, Query).
export function projectTwin(
  twin: Record<string, unknown>,
  items: readonly SelectItem[],
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const item of items) {
    if (item.kind !== 'path') continue;
    const found = lookup(twin, item.path);
    if (found !== undefined) result[item.name] = found;
  }
  return result;
}

export interface Grouper {
  add(twin: Record<string, unknown>): void;
  results(): Record<string, unknown>[];
}

export function createGrouper(groupBy: readonly Path[], items: readonly SelectItem[]): Grouper {
  const groups = new Map<string, { twin: Record<string, unknown>; count: number }>();
  return {
    add(twin) {
      const key = JSON.stringify(groupBy.map((path) => lookup(twin, path) ?? null));
      const group = groups.get(key);
      if (group) group.count++;
      else groups.set(key, { twin, count: 1 });
    },
    results: () =>
      [...groups.values()].map(({ twin, count }) => {
        const result: Record<string, unknown> = {};
        for (const item of items) {
          if (item.kind === 'count') result[item.name] = count;
          else {
            const found = lookup(twin, item.path);
            if (found !== undefined) result[item.name] = found;
          }
        }
        return result;
      }),
  };
}
