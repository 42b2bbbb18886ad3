import { describe, expect, it } from 'vitest';
import { changedFields, sameJson } from '../../../../src/core/plan/compare-identities';
import {
  identityFromExportLine,
  type IdentityState,
} from '../../../../src/core/plan/identity-state';
import { exportLine, sasAuth, KEY_C } from './support/plan-test-lines';

function identity(fields: Parameters<typeof exportLine>[1] = {}): IdentityState {
  const state = identityFromExportLine(exportLine('d', fields));
  if (state === undefined) throw new Error('no identity');
  return state;
}

describe('comparing two pictures of an identity', () => {
  it('ignores key order, $metadata and $version, and an empty statusReason against none', () => {
    const a = identity({
      tags: { a: 1, b: { c: 2 } },
      statusReason: '',
      properties: { desired: { x: 1, $version: 4 }, reported: {} },
    });
    const b = identity({
      tags: { b: { c: 2 }, a: 1 },
      properties: { desired: { $metadata: {}, x: 1 }, reported: {} },
    });
    expect(changedFields(a, b)).toEqual([]);
  });

  it('names changed paths in the diff engine order, reported properties included', () => {
    const a = identity({
      status: 'enabled',
      tags: { site: 'a' },
      properties: { desired: {}, reported: { fw: 1 } },
    });
    const b = identity({
      status: 'disabled',
      tags: { site: 'b' },
      properties: { desired: {}, reported: { fw: 2 } },
    });
    expect(changedFields(a, b)).toEqual(['status', 'tags.site', 'properties.reported.fw']);
  });

  it('sees new keys, minted or given, without their values', () => {
    expect(changedFields(identity(), identity({ authentication: sasAuth(KEY_C, KEY_C) }))).toEqual([
      'authentication.keys',
    ]);
    expect(changedFields(identity(), { ...identity(), keysMinted: true })).toEqual([
      'authentication.keys',
    ]);
  });

  it('does not compare authentication a keys-excluded snapshot lacks', () => {
    expect(changedFields(identity({ authentication: null }), identity())).toEqual([]);
  });

  it('compares JSON values deeply', () => {
    expect(sameJson({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameJson([], {})).toBe(false);
  });
});
