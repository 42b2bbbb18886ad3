import { describe, expect, it } from 'vitest';
import {
  createRowWindowCache,
  MAX_WINDOW,
} from '../../../../../../src/web/features/registry/model/row-window-cache';
import type { RegistryRow } from '../../../../../../src/web/workers/registry/summarize-device';

const row = (index: number): RegistryRow => ({
  index,
  id: `d${index}`,
  status: 'enabled',
  authType: 'sas',
  edge: false,
  tags: [],
});
const rows = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => row(from + i));

describe('the row window cache', () => {
  it('asks for the whole range when nothing is fetched, clipped to the match count', () => {
    const cache = createRowWindowCache();
    cache.useFilter('a');
    expect(cache.missing(-20, 40, 25)).toEqual({ offset: 0, limit: 25 });
    expect(cache.missing(0, 40, 0)).toBeNull();
  });

  it('asks only for the span between the first and last missing row', () => {
    const cache = createRowWindowCache();
    cache.useFilter('a');
    cache.put(0, rows(0, 10), 0, 100);
    cache.put(15, rows(15, 20), 0, 100);
    expect(cache.missing(0, 30, 100)).toEqual({ offset: 10, limit: 20 });
    expect(cache.missing(0, 10, 100)).toBeNull();
    expect(cache.get(3)?.id).toBe('d3');
  });

  it('never asks for more than one window holds', () => {
    const cache = createRowWindowCache();
    expect(cache.missing(0, 10_000, 1_000_000)).toEqual({ offset: 0, limit: MAX_WINDOW });
  });

  it('keeps its rows when the same filter is asked again and drops them for a new one', () => {
    const cache = createRowWindowCache();
    cache.useFilter('a');
    cache.put(0, rows(0, 5), 0, 100);
    cache.useFilter('a');
    expect(cache.get(4)).toBeDefined();
    cache.useFilter('b');
    expect(cache.get(4)).toBeUndefined();
  });

  it('drops rows outside the kept range once it holds more than its capacity', () => {
    const cache = createRowWindowCache(10);
    cache.useFilter('a');
    cache.put(0, rows(0, 8), 0, 100);
    cache.put(100, rows(100, 105), 95, 110);
    expect(cache.get(0)).toBeUndefined();
    expect(cache.get(104)?.id).toBe('d104');
  });
});
