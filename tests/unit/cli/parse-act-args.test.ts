import { describe, expect, it } from 'vitest';
import { parseActArgs } from '../../../src/cli/parse-act-args';

describe('parseActArgs', () => {
  it('reads an action with its files', () => {
    expect(parseActArgs(['disable', '--registry', 'r.txt', '--out', 'o', '--ids', 'i'])).toEqual({
      ok: { command: 'act', action: 'disable', registry: 'r.txt', ids: 'i', out: 'o' },
    });
  });

  it.each([
    [['rotate', '--registry', 'r', '--out', 'o'], /disable, enable, delete, swap-keys/],
    [['disable', '--out', 'o'], /--registry/],
    [['disable', '--registry', 'r'], /--out/],
    [['disable', 'extra', '--registry', 'r', '--out', 'o'], /unexpected argument "extra"/],
  ])('refuses %j', (argv, message) => {
    const parsed = parseActArgs(argv);
    expect('usageError' in parsed && parsed.usageError).toMatch(message);
  });
});
