import { describe, expect, it } from 'vitest';
import type { DeviceChange } from '../../../../../../src/core/diff';
import {
  readDiffParams,
  writeDiffParams,
} from '../../../../../../src/web/features/diff/model/diff-params';
import {
  fieldChoices,
  filterChanges,
  NO_CHANGE_FILTER,
} from '../../../../../../src/web/features/diff/model/filter-changes';
import { keysVerdict, showValue } from '../../../../../../src/web/features/diff/model/show-value';

const changes: DeviceChange[] = [
  { id: 'a', kind: 'added', fields: [] },
  { id: 'b', kind: 'changed', fields: ['status', 'tags.site'] },
  { id: 'c', kind: 'changed', fields: ['tags.site', 'tags.floor'] },
  { id: 'c', moduleId: 'm', kind: 'changed', fields: ['properties.desired.interval'] },
  { id: 'd', kind: 'removed', fields: [] },
];

describe('diff link parameters', () => {
  it('reads a, b and the two options, and writes them back', () => {
    const params = readDiffParams(new URLSearchParams('a=job-1&b=job-2&versions=1'));
    expect(params).toEqual({
      a: 'job-1',
      b: 'job-2',
      includeVersionFields: true,
      includeReported: false,
    });
    expect(writeDiffParams({ ...params, includeReported: true }).toString()).toBe(
      'a=job-1&b=job-2&versions=1&reported=1',
    );
  });

  it('treats missing or blank ids as not chosen', () => {
    expect(readDiffParams(new URLSearchParams('a=&b=%20'))).toMatchObject({ a: null, b: null });
  });
});

describe('filterChanges', () => {
  it('keeps everything without a filter', () => {
    expect(filterChanges(changes, NO_CHANGE_FILTER)).toBe(changes);
  });

  it('filters by kind, by exact field and by field group', () => {
    expect(filterChanges(changes, { kind: 'removed', field: '' }).map((c) => c.id)).toEqual(['d']);
    expect(filterChanges(changes, { kind: '', field: 'tags.site' }).map((c) => c.id)).toEqual([
      'b',
      'c',
    ]);
    expect(
      filterChanges(changes, { kind: 'changed', field: 'properties.desired.*' }).map(
        (c) => c.moduleId,
      ),
    ).toEqual(['m']);
  });
});

describe('fieldChoices', () => {
  it('lists groups first, then fields by how many devices changed them', () => {
    expect(fieldChoices(changes)).toEqual([
      { field: 'tags.*', count: 2 },
      { field: 'properties.desired.*', count: 1 },
      { field: 'tags.site', count: 2 },
      { field: 'properties.desired.interval', count: 1 },
      { field: 'status', count: 1 },
      { field: 'tags.floor', count: 1 },
    ]);
  });

  it('caps the single fields', () => {
    expect(fieldChoices(changes, 1).filter((c) => !c.field.endsWith('*'))).toHaveLength(1);
  });
});

describe('side-by-side cells', () => {
  it('shows absent values as not set and objects as JSON', () => {
    expect(showValue(undefined)).toBe('not set');
    expect(showValue('berlin')).toBe('berlin');
    expect(showValue(['a', 'b'])).toBe('["a","b"]');
  });

  it('says only whether keys changed, never their value', () => {
    expect(keysVerdict({ changed: true, compared: true, a: '••', b: '••' })).toBe('changed');
    expect(keysVerdict({ changed: false, compared: true, a: '••', b: '••' })).toBe('unchanged');
    expect(keysVerdict({ changed: false, compared: false, a: undefined, b: '••' })).toMatch(
      /not compared/,
    );
  });
});

describe('keys row for a support user', () => {
  it('never claims unchanged when the server masked the keys', () => {
    expect(keysVerdict({ changed: false, compared: true, a: '••', b: '••' }, true)).toBe(
      'not visible to your role',
    );
  });
});
