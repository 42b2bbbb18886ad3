import type { DiffOptions } from '../core/diff';
import { parseStrictArgs } from './parse-strict-args';

export interface DiffCommand {
  command: 'diff';
  a: string;
  b: string;
  json: boolean;
  options: Required<DiffOptions>;
}

/**
 * `diff <a> <b> [--json] [--include-version-fields] [--include-reported]`; argv starts after
 * "diff".
 */
export function parseDiffArgs(argv: string[]): { ok: DiffCommand } | { usageError: string } {
  const result = parseStrictArgs(argv, {
    json: { type: 'boolean', default: false },
    'include-version-fields': { type: 'boolean', default: false },
    'include-reported': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  });
  if (result.usageError !== undefined) return { usageError: result.usageError };
  const { values, positionals } = result.parsed;
  const [a, b, ...extra] = positionals;
  if (!a || !b) return { usageError: 'diff needs two files: <a> <b>' };
  if (extra.length > 0) return { usageError: `unexpected argument "${extra[0]}"` };
  return {
    ok: {
      command: 'diff',
      a,
      b,
      json: values.json,
      options: {
        includeVersionFields: values['include-version-fields'],
        includeReported: values['include-reported'],
      },
    },
  };
}
