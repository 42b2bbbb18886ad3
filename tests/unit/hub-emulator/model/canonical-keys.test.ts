import { describe, expect, it } from 'vitest';
import { keyCanonicalizer } from '../../../../src/hub-emulator/model/canonical-keys';

const canonical = keyCanonicalizer(['id', 'eTag', 'importMode']);

describe('keyCanonicalizer', () => {
  it('returns the same object when every name is already exact', () => {
    const json = { id: 'a', eTag: 'x', other: undefined };
    expect(canonical({ id: 'a', eTag: 'x' })).toEqual({ id: 'a', eTag: 'x' });
    expect(canonical(json)).not.toBe(json);
    const exact = { id: 'a', eTag: 'x' };
    expect(canonical(exact)).toBe(exact);
  });

  it('renames differently cased names to the canonical spelling', () => {
    expect(canonical({ ID: 'a', etag: 'x', IMPORTMODE: 'create' })).toEqual({
      id: 'a',
      eTag: 'x',
      importMode: 'create',
    });
  });

  it('lets the exact spelling win over another casing, in either order', () => {
    expect(canonical({ etag: 'late', eTag: 'exact' })).toEqual({ eTag: 'exact' });
    expect(canonical({ eTag: 'exact', ETAG: 'late' })).toEqual({ eTag: 'exact' });
  });

  it('keeps unknown names as written', () => {
    expect(canonical({ Id: 'a', thumbprint: 1 })).toEqual({ id: 'a', thumbprint: 1 });
  });
});
