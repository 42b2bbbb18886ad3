import { parseStrictArgs } from './parse-strict-args';

export const DELETE_ALL_USAGE = `  iot-bulk delete-all --export <devices.txt> --out <file>
                   [--configurations <configurations.txt> --configurations-out <ids.txt>]
                   Writes the import that deletes every device of an export with keys (keep the
                   export: it is the backup that undoes it), deleteIfMatchETag with each device's
                   eTag, leaves before gateways. An import cannot delete configurations: their ids
                   go to <ids.txt>, one a line, to delete one by one (DELETE /configurations/{id}).`;

export interface DeleteAllCommand {
  command: 'delete-all';
  export: string;
  out: string;
  configurations: string | undefined;
  configurationsOut: string | undefined;
}

/** argv starts after "delete-all". */
export function parseDeleteAllArgs(
  argv: string[],
): { ok: DeleteAllCommand } | { usageError: string } {
  const result = parseStrictArgs(argv, {
    export: { type: 'string' },
    out: { type: 'string' },
    configurations: { type: 'string' },
    'configurations-out': { type: 'string' },
    help: { type: 'boolean', default: false },
  });
  if (result.usageError !== undefined) return { usageError: result.usageError };
  const { values, positionals } = result.parsed;
  if (positionals.length > 0) return { usageError: `unexpected argument "${positionals[0]}"` };
  if (!values.export) return { usageError: 'delete-all needs --export <devices.txt>' };
  if (!values.out) return { usageError: 'delete-all needs --out <file>' };
  if (Boolean(values.configurations) !== Boolean(values['configurations-out']))
    return { usageError: '--configurations and --configurations-out go together' };
  return {
    ok: {
      command: 'delete-all',
      export: values.export,
      out: values.out,
      configurations: values.configurations,
      configurationsOut: values['configurations-out'],
    },
  };
}
