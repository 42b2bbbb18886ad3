import { describe, expect, it } from 'vitest';
import { parseVerifyCopyArgs } from '../../../src/cli/parse-verify-copy-args';

describe('parseVerifyCopyArgs', () => {
  it('reads the two exports and the two configuration files wherever they stand', () => {
    expect(parseVerifyCopyArgs(['--configurations', 'ca', 'cb', 'a', 'b', '--json'])).toEqual({
      ok: {
        command: 'verify-copy',
        source: 'a',
        target: 'b',
        configurations: { source: 'ca', target: 'cb' },
        json: true,
      },
    });
    expect(parseVerifyCopyArgs(['a', 'b'])).toEqual({
      ok: {
        command: 'verify-copy',
        source: 'a',
        target: 'b',
        configurations: undefined,
        json: false,
      },
    });
  });

  it.each([
    [['a'], /two exports/],
    [['a', 'b', 'c'], /unexpected argument "c"/],
    [['a', 'b', '--configurations', 'ca'], /two files/],
    [['a', 'b', '--configurations', 'ca', '--json'], /two files/],
  ])('refuses %j', (argv, message) => {
    const parsed = parseVerifyCopyArgs(argv);
    expect('usageError' in parsed && parsed.usageError).toMatch(message);
  });
});
