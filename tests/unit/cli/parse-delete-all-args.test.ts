import { describe, expect, it } from 'vitest';
import { parseDeleteAllArgs } from '../../../src/cli/parse-delete-all-args';

describe('parseDeleteAllArgs', () => {
  it('reads the export, the output and the configurations pair', () => {
    expect(
      parseDeleteAllArgs([
        '--export',
        'e',
        '--out',
        'o',
        '--configurations',
        'c',
        '--configurations-out',
        'ids',
      ]),
    ).toEqual({
      ok: {
        command: 'delete-all',
        export: 'e',
        out: 'o',
        configurations: 'c',
        configurationsOut: 'ids',
      },
    });
  });

  it.each([
    [['--out', 'o'], /--export/],
    [['--export', 'e'], /--out/],
    [['--export', 'e', '--out', 'o', '--configurations-out', 'c'], /go together/],
  ])('refuses %j', (argv, message) => {
    const parsed = parseDeleteAllArgs(argv);
    expect('usageError' in parsed && parsed.usageError).toMatch(message);
  });
});
