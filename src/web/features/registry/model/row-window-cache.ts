import type { RegistryRow } from '../../../workers/registry/summarize-device';

/** The most rows one window request asks for (the worker's limit is 1000). */
export const MAX_WINDOW = 500;

export interface RowWindow {
  offset: number;
  limit: number;
}

/**
 * The rows of the current query that the page has fetched, by position in the match list. A query
 * with the same filter (re-asked while the file streams in) keeps them, since matches only ever
 * append; a new filter starts empty. Rows far from view are dropped past `capacity`.
 */
export function createRowWindowCache(capacity = 5000) {
  let key: string | null = null;
  const rows = new Map<number, RegistryRow>();
  return {
    /** Starts over unless `filterKey` is the filter the cached rows belong to. */
    useFilter(filterKey: string): void {
      if (filterKey === key) return;
      key = filterKey;
      rows.clear();
    },
    clear(): void {
      key = null;
      rows.clear();
    },
    get: (position: number): RegistryRow | undefined => rows.get(position),
    put(offset: number, fetched: readonly RegistryRow[], keepFrom: number, keepTo: number): void {
      fetched.forEach((row, i) => rows.set(offset + i, row));
      if (rows.size <= capacity) return;
      for (const position of rows.keys())
        if (position < keepFrom || position >= keepTo) rows.delete(position);
    },
    /**
     * The one window that covers every missing row of positions start..end-1 (clipped to `count`).
     */
    missing(start: number, end: number, count: number): RowWindow | null {
      const to = Math.min(end, count);
      let first = -1;
      let last = -1;
      for (let position = Math.max(0, start); position < to; position++) {
        if (rows.has(position)) continue;
        if (first < 0) first = position;
        last = position;
      }
      if (first < 0) return null;
      return { offset: first, limit: Math.min(last - first + 1, MAX_WINDOW) };
    },
  };
}

export type RowWindowCache = ReturnType<typeof createRowWindowCache>;
