import { describe, expect, it } from 'vitest';
import { detachString } from '../../../../src/core/plan/detach-string';

describe('copying a string out of the text it was cut from', () => {
  it('gives an equal string, short or long, empty included', () => {
    const chunk = 'x'.repeat(100) + '{"id":"a-long-device-id-0001"}' + 'y'.repeat(100);
    const cut = chunk.slice(100, 130);
    expect(detachString(cut)).toBe(cut);
    expect(detachString('')).toBe('');
    expect(detachString('ab')).toBe('ab');
  });
});
