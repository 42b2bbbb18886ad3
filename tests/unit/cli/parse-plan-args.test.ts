import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../src/cli/parse-cli-args';

describe('parsing plan and undo arguments', () => {
  it('reads plan with its defaults: keys kept, unchanged rows left out', () => {
    expect(parseCliArgs(['plan', 'in.ndjson', '--registry', 'devices.txt'])).toEqual({
      ok: {
        command: 'plan',
        input: 'in.ndjson',
        registry: 'devices.txt',
        json: false,
        job: undefined,
        out: undefined,
        options: { keepKeys: true, leaveOutUnchanged: true, strictIds: false },
        conversion: { format: 'auto', mode: 'create', status: 'enabled', map: undefined },
      },
    });
  });

  it('reads undo with the plan options that say which job it undoes', () => {
    const parsed = parseCliArgs([
      'undo',
      'in.csv',
      '--registry',
      'd.txt',
      '--out',
      'u.ndjson',
      '--rotate-keys',
      '--send-unchanged',
      '--device-cap',
      '500',
      '--mode',
      'update',
    ]);
    expect(parsed).toMatchObject({
      ok: {
        command: 'undo',
        out: 'u.ndjson',
        options: { keepKeys: false, leaveOutUnchanged: false, deviceCap: 500 },
        conversion: { mode: 'update' },
      },
    });
  });

  it.each([
    [['plan'], 'needs an <import-file>'],
    [['plan', 'a', 'b', '--registry', 'r'], 'unexpected argument "b"'],
    [['plan', 'a'], 'needs --registry'],
    [['plan', 'a', '--registry', 'r', '--out', 'o'], 'with --job, not --out'],
    [['undo', 'a', '--registry', 'r'], 'undo needs --out'],
    [['undo', 'a', '--registry', 'r', '--out', 'o', '--json'], 'drop --json'],
    [['plan', 'a', '--registry', 'r', '--device-cap', '0'], 'positive whole number'],
    [['plan', 'a', '--registry', 'r', '--mode', 'upsert'], 'not an import mode'],
    [['plan', 'a', '--registry', 'r', '--format', 'xml'], '--format must be one of'],
    [['plan', 'a', '--registry', 'r', '--status', 'paused'], 'enabled or disabled'],
    [['plan', 'a', '--registry', 'r', '--bogus'], "Unknown option '--bogus'"],
  ])('refuses %j: %s', (argv, message) => {
    const parsed = parseCliArgs(argv);
    expect('usageError' in parsed && parsed.usageError).toContain(message);
  });
});
