import { parseConversionDefaults, type ConversionDefaults } from './parse-conversion-defaults';
import type { PlanOptions } from '../core/plan/plan-types';
import { parseStrictArgs } from './parse-strict-args';

export const PLAN_USAGE = `  iot-bulk plan <import-file> --registry <devices.txt> [--json] [--job <job.ndjson>]
                   Predicts what the hub does with every line of <import-file> (an import NDJSON,
                   or any file convert takes) against <devices.txt> (an export with keys).
                   --json prints {"summary":{"create","update","unchanged","delete","fail"},
                   "rows":[{"id","moduleId"?,"line","outcome","errorCode"?,"fields"?,"keysRotated"?}]}.
                   --job writes the file to import: keys kept from the registry, unchanged rows
                   left out. Options: --rotate-keys (let keyless lines mint keys), --send-unchanged,
                   --device-cap <n>, --strict-ids; for a CSV/JSON list --format, --mode, --status, --map.
  iot-bulk undo <import-file> --registry <devices.txt> --out <undo.ndjson> [plan options]
                   Writes the import that puts the registry back as <devices.txt> has it.`;

export interface PlanCommand {
  command: 'plan' | 'undo';
  input: string;
  registry: string;
  json: boolean;
  job: string | undefined;
  out: string | undefined;
  options: PlanOptions;
  conversion: ConversionDefaults & { map: string | undefined };
}

/** `plan|undo <import-file> --registry <devices.txt> ...`; argv starts after the command. */
export function parsePlanArgs(
  command: 'plan' | 'undo',
  argv: string[],
): { ok: PlanCommand } | { usageError: string } {
  const result = parseStrictArgs(argv, {
    registry: { type: 'string' },
    json: { type: 'boolean', default: false },
    job: { type: 'string' },
    out: { type: 'string' },
    'rotate-keys': { type: 'boolean', default: false },
    'send-unchanged': { type: 'boolean', default: false },
    'device-cap': { type: 'string' },
    'strict-ids': { type: 'boolean', default: false },
    format: { type: 'string', default: 'auto' },
    mode: { type: 'string', default: 'create' },
    status: { type: 'string', default: 'enabled' },
    map: { type: 'string' },
    help: { type: 'boolean', default: false },
  });
  if (result.usageError !== undefined) return { usageError: result.usageError };
  const { values, positionals } = result.parsed;
  const [input, ...extra] = positionals;
  if (!input) return { usageError: `${command} needs an <import-file>` };
  if (extra.length > 0) return { usageError: `unexpected argument "${extra[0]}"` };
  if (!values.registry) return { usageError: `${command} needs --registry <devices.txt>` };
  if (command === 'undo' && !values.out) return { usageError: 'undo needs --out <undo.ndjson>' };
  if (command === 'plan' && values.out)
    return { usageError: 'plan writes the job file with --job, not --out' };
  if (command === 'undo' && (values.json || values.job))
    return { usageError: 'undo writes only the undo file; drop --json and --job' };
  const cap = values['device-cap'];
  if (cap !== undefined && !/^[1-9]\d*$/.test(cap))
    return { usageError: '--device-cap must be a positive whole number' };
  const defaults = parseConversionDefaults(values);
  if ('usageError' in defaults) return defaults;
  const options: PlanOptions = {
    keepKeys: !values['rotate-keys'],
    leaveOutUnchanged: !values['send-unchanged'],
    strictIds: values['strict-ids'],
  };
  if (cap !== undefined) options.deviceCap = Number(cap);
  return {
    ok: {
      command,
      input,
      registry: values.registry,
      json: values.json,
      job: values.job,
      out: values.out,
      options,
      conversion: { ...defaults.ok, map: values.map },
    },
  };
}
