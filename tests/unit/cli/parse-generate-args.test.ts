import { describe, expect, it } from 'vitest';
import { parseGenerateArgs } from '../../../src/cli/parse-generate-args';

describe('parseGenerateArgs', () => {
  it('reads a spec with defaults, typed values and repeated pairs', () => {
    const parsed = parseGenerateArgs([
      ...['--count', '10', '--out', 'x.ndjson', '--tag', 'site=lab', '--tag', 'floor=3'],
      ...['--desired', 'config={"a":1}', '--edge'],
    ]);
    expect(parsed).toEqual({
      ok: {
        command: 'generate',
        out: 'x.ndjson',
        spec: {
          pattern: 'device-{n:6}',
          count: 10,
          start: 1,
          keys: 'hub',
          status: 'enabled',
          mode: 'create',
          tags: { site: 'lab', floor: 3 },
          desired: { config: { a: 1 } },
          iotEdge: true,
        },
      },
    });
  });

  it.each([
    [['--out', 'x'], /--count/],
    [['--count', '5'], /--out/],
    [['--count', '5', '--out', 'x', '--keys', 'both'], /--keys must be hub or here/],
    [['--count', '5', '--out', 'x', '--mode', 'delete'], /--mode must be create or createOrUpdate/],
    [['--count', '5', '--out', 'x', '--tag', 'novalue'], /<name>=<value>/],
    [['--count', '1.5', '--out', 'x'], /--count: .*whole number/],
    [['--count', '5', '--out', 'x', '--pattern', 'fixed'], /--pattern: .*placeholder/],
  ])('refuses %j with a usage error naming the flag', (argv, message) => {
    const parsed = parseGenerateArgs(argv);
    expect('usageError' in parsed && parsed.usageError).toMatch(message);
  });
});
