import { describe, expect, it } from 'vitest';
import { compileRegistryFilter } from '../../../../../src/web/workers/registry/match-registry-rows';
import {
  EMPTY_FILTER,
  filterKey,
  isFiltering,
  tagSummary,
} from '../../../../../src/web/workers/registry/registry-filter';
import type { RegistryFilter } from '../../../../../src/web/workers/registry/registry-filter';
import { createRegistryRowStore } from '../../../../../src/web/workers/registry/registry-row-store';
import type { RegistryRow } from '../../../../../src/web/workers/registry/summarize-device';

const rows: RegistryRow[] = [
  {
    index: 0,
    id: 'sensor-001',
    status: 'enabled',
    authType: 'sas',
    edge: false,
    tags: [['site', 'Berlin']],
  },
  {
    index: 1,
    id: 'Sensor-002',
    status: 'disabled',
    authType: 'selfSigned',
    edge: false,
    tags: [['site', 'Paris']],
  },
  {
    index: 2,
    id: 'gateway-1',
    status: 'enabled',
    authType: '',
    edge: true,
    tags: [['floor', 'berlin']],
  },
  {
    index: 3,
    id: 'gateway-1',
    moduleId: 'reader',
    status: 'enabled',
    authType: 'sas',
    edge: false,
    tags: [],
  },
];

function storeOf(list: readonly RegistryRow[]) {
  const store = createRegistryRowStore();
  for (const row of list) store.add(row);
  return store;
}

function matches(filter: Partial<RegistryFilter>, list: readonly RegistryRow[] = rows): number[] {
  const store = storeOf(list);
  const out: number[] = [];
  compileRegistryFilter(store, { ...EMPTY_FILTER, ...filter })(0, store.size, (index) =>
    out.push(index),
  );
  return out;
}

describe('compileRegistryFilter', () => {
  it.each<[string, Partial<RegistryFilter>, number[]]>([
    ['nothing filters', {}, [0, 1, 2, 3]],
    ['a case-insensitive id substring', { search: 'SENSOR' }, [0, 1]],
    ['an id substring in the middle', { search: '-00' }, [0, 1]],
    ['a search with surrounding spaces', { search: '  gateway ' }, [2, 3]],
    ['a status', { status: 'disabled' }, [1]],
    ['records exported without authentication', { authType: 'unknown' }, [2]],
    ['an auth type', { authType: 'sas' }, [0, 3]],
    ['edge devices', { edge: 'edge' }, [2]],
    ['devices that are not edge', { edge: 'not-edge' }, [0, 1, 3]],
    ['a tag value in any tag, case-insensitive', { tag: 'berlin' }, [0, 2]],
    ['one tag by name=value', { tag: 'site=berlin' }, [0]],
    ['name = value with spaces', { tag: 'site = paris' }, [1]],
    ['filters combined with AND', { search: 'gateway', authType: 'sas' }, [3]],
    ['a value nobody has', { tag: 'nowhere' }, []],
    [
      "the hub's selection: device records with those exact ids, no module",
      { hubSelection: { label: 'q', takenAt: 't', deviceIds: ['gateway-1', 'sensor-002'] } },
      [2],
    ],
    [
      "the hub's selection and a filter together",
      {
        status: 'disabled',
        hubSelection: { label: 'q', takenAt: 't', deviceIds: ['sensor-001', 'Sensor-002'] },
      },
      [1],
    ],
  ])('keeps the records matching %s, in file order', (_name, filter, expected) => {
    expect(matches(filter)).toEqual(expected);
  });

  it('resumes a scan where it stopped, seeing tag values that arrived after it was compiled', () => {
    const store = storeOf(rows.slice(0, 2));
    const scan = compileRegistryFilter(store, { ...EMPTY_FILTER, tag: 'berlin' });
    const out: number[] = [];
    scan(0, store.size, (index) => out.push(index));
    store.add(rows[2] as RegistryRow);
    store.add({ ...(rows[3] as RegistryRow), tags: [['city', 'BERLIN']] });
    scan(2, store.size, (index) => out.push(index));
    expect(out).toEqual([0, 2, 3]);
  });
});

describe('the row store', () => {
  it('gives back each row as it was added', () => {
    const store = storeOf(rows);
    expect(rows.map((_, i) => store.rowAt(i))).toEqual(rows);
  });

  it('offers only the statuses and auth types the export holds', () => {
    expect(storeOf(rows).filterValues()).toEqual({
      statuses: ['disabled', 'enabled'],
      authTypes: ['sas', 'selfSigned', 'unknown'],
    });
  });
});

describe('filter helpers', () => {
  it('says whether a filter keeps fewer than all records', () => {
    expect(isFiltering(EMPTY_FILTER)).toBe(false);
    expect(isFiltering({ ...EMPTY_FILTER, search: '  ' })).toBe(false);
    expect(isFiltering({ ...EMPTY_FILTER, edge: 'edge' })).toBe(true);
  });

  it("counts the hub's selection as filtering, and two answers of the hub as two keys", () => {
    const selection = { label: 'stale', takenAt: 't1', deviceIds: ['a'] };
    expect(isFiltering({ ...EMPTY_FILTER, hubSelection: selection })).toBe(true);
    expect(filterKey({ ...EMPTY_FILTER, hubSelection: selection })).not.toBe(
      filterKey({ ...EMPTY_FILTER, hubSelection: { ...selection, takenAt: 't2' } }),
    );
  });

  it('gives filters that keep the same rows the same key', () => {
    expect(filterKey({ ...EMPTY_FILTER, search: ' ABC ' })).toBe(
      filterKey({ ...EMPTY_FILTER, search: 'abc' }),
    );
    expect(filterKey({ ...EMPTY_FILTER, search: 'abc' })).not.toBe(
      filterKey({ ...EMPTY_FILTER, tag: 'abc' }),
    );
  });

  it('lists tags as name=value', () => {
    expect(
      tagSummary({
        tags: [
          ['a', '1'],
          ['b', 'x'],
        ],
      }),
    ).toBe('a=1, b=x');
  });
});
