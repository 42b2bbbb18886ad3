import { COPY_MODES, type CopyMode } from '../core/bulk/copy-device-line';
import { parseStrictArgs } from './parse-strict-args';

export const COPY_USAGE = `  iot-bulk copy --export <devices.txt> --out <devices.txt> [--mode create|createOrUpdate]
                   [--configurations <configurations.txt> --configurations-out <file>]
                   [--report <report.ndjson>]
                   Rewrites the source hub's export with keys as the target hub's import: keys, twins
                   and scopes kept, version fields dropped, edge parents before their children, each
                   device before its modules. --mode create (default) for the first run,
                   createOrUpdate for a re-run. Leaves out what cannot be copied (the IoT Edge
                   runtime's $edgeAgent/$edgeHub, lines without keys), one line each in the report
                   (default <out>.report.ndjson). Configurations go as createOrUpdateIfMatchETag.`;

export interface CopyCommand {
  command: 'copy';
  export: string;
  out: string;
  mode: CopyMode;
  configurations: string | undefined;
  configurationsOut: string | undefined;
  report: string;
}

/** argv starts after "copy". */
export function parseCopyArgs(argv: string[]): { ok: CopyCommand } | { usageError: string } {
  const result = parseStrictArgs(argv, {
    export: { type: 'string' },
    out: { type: 'string' },
    mode: { type: 'string', default: 'create' },
    configurations: { type: 'string' },
    'configurations-out': { type: 'string' },
    report: { type: 'string' },
    help: { type: 'boolean', default: false },
  });
  if (result.usageError !== undefined) return { usageError: result.usageError };
  const { values, positionals } = result.parsed;
  if (positionals.length > 0) return { usageError: `unexpected argument "${positionals[0]}"` };
  if (!values.export) return { usageError: 'copy needs --export <devices.txt>' };
  if (!values.out) return { usageError: 'copy needs --out <file>' };
  if (!(COPY_MODES as readonly string[]).includes(values.mode))
    return { usageError: `--mode must be one of ${COPY_MODES.join(', ')}` };
  if (Boolean(values.configurations) !== Boolean(values['configurations-out']))
    return { usageError: '--configurations and --configurations-out go together' };
  return {
    ok: {
      command: 'copy',
      export: values.export,
      out: values.out,
      mode: values.mode as CopyMode,
      configurations: values.configurations,
      configurationsOut: values['configurations-out'],
      report: values.report ?? `${values.out}.report.ndjson`,
    },
  };
}
