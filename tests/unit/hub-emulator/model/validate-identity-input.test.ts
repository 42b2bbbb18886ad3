import { describe, expect, it } from 'vitest';
import { validateIdentityInput } from '../../../../src/hub-emulator/model/validate-identity-input';
import type { IdentityInput } from '../../../../src/hub-emulator/model/identity-input';

const key = (bytes: number): string => Buffer.alloc(bytes, 9).toString('base64');
const valid = (input: Partial<IdentityInput>, strict = false): boolean =>
  validateIdentityInput({ deviceId: 'dev-1', moduleId: '', ...input }, strict, true) === undefined;

describe('validateIdentityInput', () => {
  it.each(["a-b.c%d_e*f?g!h(i)j,k:l=m@n$o'p", 'x'.repeat(128), 'dev+1', 'dev#1'])(
    'accepts the device id %s',
    (id) => {
      expect(valid({ deviceId: id })).toBe(true);
    },
  );

  it.each(['a b', 'a/b', 'x'.repeat(129), '', 'a;b', 'é'])('rejects the device id %j', (id) => {
    expect(valid({ deviceId: id })).toBe(false);
  });

  it('refuses + and # under the strict option', () => {
    expect(valid({ deviceId: 'dev+1' }, true)).toBe(false);
    expect(valid({ deviceId: 'dev#1' }, true)).toBe(false);
  });

  it('refuses a $-prefixed module id on create', () => {
    expect(valid({ moduleId: '$edgeAgent' })).toBe(false);
  });

  it.each([
    ['16-byte keys', { primaryKey: key(16), secondaryKey: key(16) }, true],
    ['64-byte keys', { primaryKey: key(64), secondaryKey: key(64) }, true],
    ['15-byte keys', { primaryKey: key(15), secondaryKey: key(15) }, false],
    ['65-byte keys', { primaryKey: key(65), secondaryKey: key(65) }, false],
    ['one key only', { primaryKey: key(32) }, false],
    ['a key that is not base64', { primaryKey: '!!!!'.repeat(8), secondaryKey: key(32) }, false],
    [
      'a 40-hex thumbprint',
      { type: 'selfSigned' as const, primaryThumbprint: 'aB'.repeat(20) },
      true,
    ],
    [
      'a 64-hex thumbprint',
      { type: 'selfSigned' as const, primaryThumbprint: '0f'.repeat(32) },
      true,
    ],
    [
      'a thumbprint with separators',
      { type: 'selfSigned' as const, primaryThumbprint: 'ab:'.repeat(13) + 'a' },
      false,
    ],
    [
      'keys and thumbprints',
      { primaryKey: key(32), secondaryKey: key(32), primaryThumbprint: 'ab'.repeat(20) },
      false,
    ],
    ['type none on a device', { type: 'none' as const }, false],
  ])('%s -> valid: %s', (_name, authentication, expected) => {
    expect(valid({ authentication })).toBe(expected);
  });

  it('limits statusReason to 128 characters', () => {
    expect(valid({ statusReason: 'x'.repeat(128) })).toBe(true);
    expect(valid({ statusReason: 'x'.repeat(129) })).toBe(false);
  });

  it('enforces the twin limits on tags and desired properties', () => {
    expect(valid({ tags: { big: 'x'.repeat(8 * 1024) } })).toBe(false);
    expect(valid({ desired: { 'a.b': 1 } })).toBe(false);
    expect(valid({ desired: { s: 'x'.repeat(4097) } })).toBe(false);
    let deep: Record<string, unknown> = { v: 1 };
    for (let i = 0; i < 10; i++) deep = { n: deep };
    expect(valid({ desired: deep })).toBe(false);
    expect(valid({ tags: { site: 'a', nested: { floor: 2 } } })).toBe(true);
  });
});
