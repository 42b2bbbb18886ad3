import { describe, expect, it } from 'vitest';
import { distinctFilterValues, EMPTY_FILTER, filterRegistryRows, tagSummary } from '../../../../src/web/features/registry/model/filter-registry-rows';
import type { RegistryRow } from '../../../../src/web/lib/registry-worker/summarize-device';

const rows: RegistryRow[] = [
  { index: 0, id: 'sensor-001', status: 'enabled', authType: 'sas', edge: false, tags: [['site', 'Berlin']] },
  { index: 1, id: 'sensor-002', status: 'disabled', authType: 'selfSigned', edge: false, tags: [['site', 'Paris']] },
  { index: 2, id: 'gateway-1', status: 'enabled', authType: '', edge: true, tags: [['floor', 'berlin']] },
  { index: 3, id: 'gateway-1', moduleId: 'reader', status: 'enabled', authType: 'sas', edge: false, tags: [] },
];

const ids = (result: readonly RegistryRow[]) => result.map((row) => row.index);

describe('filterRegistryRows', () => {
  it('returns the same array when nothing filters', () => {
    expect(filterRegistryRows(rows, EMPTY_FILTER)).toBe(rows);
  });

  it('finds ids by a case-insensitive substring, prefixes included', () => {
    expect(ids(filterRegistryRows(rows, { ...EMPTY_FILTER, search: 'SENSOR' }))).toEqual([0, 1]);
    expect(ids(filterRegistryRows(rows, { ...EMPTY_FILTER, search: '-00' }))).toEqual([0, 1]);
  });

  it('filters by status, auth type (unknown = exported without authentication) and edge', () => {
    expect(ids(filterRegistryRows(rows, { ...EMPTY_FILTER, status: 'disabled' }))).toEqual([1]);
    expect(ids(filterRegistryRows(rows, { ...EMPTY_FILTER, authType: 'unknown' }))).toEqual([2]);
    expect(ids(filterRegistryRows(rows, { ...EMPTY_FILTER, authType: 'sas' }))).toEqual([0, 3]);
    expect(ids(filterRegistryRows(rows, { ...EMPTY_FILTER, edge: 'edge' }))).toEqual([2]);
    expect(ids(filterRegistryRows(rows, { ...EMPTY_FILTER, edge: 'not-edge' }))).toEqual([0, 1, 3]);
  });

  it('matches a tag value in any tag, or one tag by name=value', () => {
    expect(ids(filterRegistryRows(rows, { ...EMPTY_FILTER, tag: 'berlin' }))).toEqual([0, 2]);
    expect(ids(filterRegistryRows(rows, { ...EMPTY_FILTER, tag: 'site=berlin' }))).toEqual([0]);
    expect(ids(filterRegistryRows(rows, { ...EMPTY_FILTER, tag: 'site = paris' }))).toEqual([1]);
  });

  it('combines filters with AND', () => {
    expect(ids(filterRegistryRows(rows, { ...EMPTY_FILTER, search: 'gateway', authType: 'sas' }))).toEqual([3]);
  });
});

describe('distinctFilterValues', () => {
  it('offers only the statuses and auth types the export holds', () => {
    expect(distinctFilterValues(rows)).toEqual({ statuses: ['disabled', 'enabled'], authTypes: ['sas', 'selfSigned', 'unknown'] });
  });
});

describe('tagSummary', () => {
  it('lists tags as name=value', () => {
    expect(tagSummary({ ...rows[0]!, tags: [['a', '1'], ['b', 'x']] })).toBe('a=1, b=x');
  });
});
