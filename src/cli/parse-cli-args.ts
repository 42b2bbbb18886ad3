import type { ConvertOptions, OneKeyFix } from '../core/convert/types';
import { parseConversionDefaults } from './parse-conversion-defaults';
import { parseDiffArgs, type DiffCommand } from './parse-diff-args';
import { GENERATE_USAGE, parseGenerateArgs, type GenerateCommand } from './parse-generate-args';
import { ACT_USAGE, parseActArgs, type ActCommand } from './parse-act-args';
import { parsePlanArgs, PLAN_USAGE, type PlanCommand } from './parse-plan-args';
import { COPY_USAGE, parseCopyArgs, type CopyCommand } from './parse-copy-args';
import {
  DELETE_ALL_USAGE,
  parseDeleteAllArgs,
  type DeleteAllCommand,
} from './parse-delete-all-args';
import {
  parseVerifyCopyArgs,
  VERIFY_COPY_USAGE,
  type VerifyCopyCommand,
} from './parse-verify-copy-args';
import { parseStrictArgs } from './parse-strict-args';

export const USAGE = `Usage:
  iot-bulk convert <input> --out <file> [--report <report.json>] [--format auto|csv|json|ndjson]
                   [--mode <importMode>] [--status enabled|disabled] [--generate-keys [--keys <keys.csv>]]
                   [--map <mapping.json>] [--skip-invalid] [--strict-ids] [--trim-ids]
                   [--one-key refuse|generate-other|hub-generates-both]
  iot-bulk validate <input> [--report <report.json>] [same options as convert, without --out]
  iot-bulk diff <a> <b> [--json] [--include-version-fields] [--include-reported]
                   Compares two registries keyed by id + moduleId: A is before, B after ("added" = only
                   in B, "removed" = only in A, changes read A -> B).
                   <a>, <b>: hub exports (devices.txt: NDJSON, LF or CRLF, optional leading warning
                   line) or device lists (CSV, JSON, NDJSON), converted as \`convert\` would.
                   --json prints {"summary":{...},"changes":[{"id","moduleId"?,"kind","fields"}]}.
                   Key values are never printed; a key change shows as "authentication.keys".
${PLAN_USAGE}
${GENERATE_USAGE}
${ACT_USAGE}
${COPY_USAGE}
${VERIFY_COPY_USAGE}
${DELETE_ALL_USAGE}

Exit codes: 0 every row valid (and written), the diff printed, or the plan made; 1 invalid rows (nothing written
unless --skip-invalid) or a file without devices; 2 usage error or a file that cannot be read or parsed.`;

export interface ConvertCommand {
  command: 'convert' | 'validate';
  input: string;
  out: string | undefined;
  report: string | undefined;
  keys: string | undefined;
  map: string | undefined;
  options: ConvertOptions;
}

export type CliCommand =
  | ConvertCommand
  | DiffCommand
  | PlanCommand
  | GenerateCommand
  | ActCommand
  | CopyCommand
  | VerifyCopyCommand
  | DeleteAllCommand;

export type ParsedCli = { ok: CliCommand } | { usageError: string };

const ONE_KEY_FIXES: readonly OneKeyFix[] = ['refuse', 'generate-other', 'hub-generates-both'];

export function parseCliArgs(argv: string[]): ParsedCli {
  // diff has its own flags; sharing convert's parser would accept --out or --mode on a diff
  // silently.
  if (argv[0] === 'diff') return parseDiffArgs(argv.slice(1));
  if (argv[0] === 'plan' || argv[0] === 'undo') return parsePlanArgs(argv[0], argv.slice(1));
  if (argv[0] === 'generate') return parseGenerateArgs(argv.slice(1));
  if (argv[0] === 'act') return parseActArgs(argv.slice(1));
  if (argv[0] === 'copy') return parseCopyArgs(argv.slice(1));
  if (argv[0] === 'verify-copy') return parseVerifyCopyArgs(argv.slice(1));
  if (argv[0] === 'delete-all') return parseDeleteAllArgs(argv.slice(1));
  const result = parseStrictArgs(argv, {
    out: { type: 'string' },
    report: { type: 'string' },
    format: { type: 'string', default: 'auto' },
    mode: { type: 'string', default: 'create' },
    status: { type: 'string', default: 'enabled' },
    'generate-keys': { type: 'boolean', default: false },
    keys: { type: 'string' },
    map: { type: 'string' },
    'skip-invalid': { type: 'boolean', default: false },
    'strict-ids': { type: 'boolean', default: false },
    'trim-ids': { type: 'boolean', default: false },
    'one-key': { type: 'string', default: 'refuse' },
    help: { type: 'boolean', default: false },
  });
  if (result.usageError !== undefined) return { usageError: result.usageError };
  const { values, positionals } = result.parsed;
  const [command, input, ...extra] = positionals;
  if (command !== 'convert' && command !== 'validate')
    return { usageError: command ? `unknown command "${command}"` : 'missing command' };
  if (!input) return { usageError: 'missing <input> file' };
  if (extra.length > 0) return { usageError: `unexpected argument "${extra[0]}"` };
  if (command === 'convert' && !values.out) return { usageError: 'convert needs --out <file>' };
  if (command === 'validate' && values.out)
    return { usageError: 'validate writes no output; drop --out' };
  const defaults = parseConversionDefaults(values);
  if ('usageError' in defaults) return defaults;
  const { format, mode, status } = defaults.ok;
  const oneKeyFix = values['one-key'] as OneKeyFix;
  if (!ONE_KEY_FIXES.includes(oneKeyFix))
    return { usageError: `--one-key must be one of ${ONE_KEY_FIXES.join(', ')}` };
  const makesKeys = values['generate-keys'] || oneKeyFix === 'generate-other';
  if (values.keys && !makesKeys)
    return { usageError: '--keys needs --generate-keys or --one-key generate-other' };
  return {
    ok: {
      command,
      input,
      out: values.out,
      report: values.report,
      keys:
        makesKeys && command === 'convert' ? (values.keys ?? `${values.out}.keys.csv`) : undefined,
      map: values.map,
      options: {
        format,
        defaultMode: mode,
        defaultStatus: status,
        keyPolicy: values['generate-keys'] ? 'generate-here' : 'hub-generates',
        skipInvalid: values['skip-invalid'],
        strictIds: values['strict-ids'],
        trimIds: values['trim-ids'],
        oneKeyFix,
      },
    },
  };
}
