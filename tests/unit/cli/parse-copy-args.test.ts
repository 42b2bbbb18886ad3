import { describe, expect, it } from 'vitest';
import { parseCopyArgs } from '../../../src/cli/parse-copy-args';

describe('parseCopyArgs', () => {
  it('reads the files and the mode, the report beside the output by default', () => {
    expect(parseCopyArgs(['--export', 'e.txt', '--out', 'o.ndjson'])).toEqual({
      ok: {
        command: 'copy',
        export: 'e.txt',
        out: 'o.ndjson',
        mode: 'create',
        configurations: undefined,
        configurationsOut: undefined,
        report: 'o.ndjson.report.ndjson',
      },
    });
    const rerun = parseCopyArgs([
      '--export=e',
      '--out=o',
      '--mode=createOrUpdate',
      '--configurations=c',
      '--configurations-out=co',
      '--report=r',
    ]);
    expect('ok' in rerun && rerun.ok).toMatchObject({
      mode: 'createOrUpdate',
      configurations: 'c',
      configurationsOut: 'co',
      report: 'r',
    });
  });

  it.each([
    [['--out', 'o'], /--export/],
    [['--export', 'e'], /--out/],
    [['--export', 'e', '--out', 'o', '--mode', 'update'], /create, createOrUpdate/],
    [['--export', 'e', '--out', 'o', '--configurations', 'c'], /go together/],
    [['x', '--export', 'e', '--out', 'o'], /unexpected argument "x"/],
  ])('refuses %j', (argv, message) => {
    const parsed = parseCopyArgs(argv);
    expect('usageError' in parsed && parsed.usageError).toMatch(message);
  });
});
