import { SELECTION_ACTIONS, type SelectionAction } from '../core/bulk/selection-action';
import { parseStrictArgs } from './parse-strict-args';

export const ACT_USAGE = `  iot-bulk act disable|enable|delete|swap-keys --registry <devices.txt> --out <file>
                   [--ids <ids.txt>]
                   Writes the import that applies the action to the devices of an export with keys
                   (all of them, or those listed in <ids.txt>, one id per line). Lines match the
                   export's eTag, keep each device's keys and scopes, and leave out what the action
                   cannot touch (modules for enable/disable/delete, non-SAS devices for swap-keys),
                   counted by reason.`;

export interface ActCommand {
  command: 'act';
  action: SelectionAction;
  registry: string;
  ids: string | undefined;
  out: string;
}

/** argv starts after "act". */
export function parseActArgs(argv: string[]): { ok: ActCommand } | { usageError: string } {
  const result = parseStrictArgs(argv, {
    registry: { type: 'string' },
    ids: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', default: false },
  });
  if (result.usageError !== undefined) return { usageError: result.usageError };
  const { values, positionals } = result.parsed;
  const [action, ...extra] = positionals;
  if (!action || !(SELECTION_ACTIONS as readonly string[]).includes(action))
    return { usageError: `act needs an action: ${SELECTION_ACTIONS.join(', ')}` };
  if (extra.length > 0) return { usageError: `unexpected argument "${extra[0]}"` };
  if (!values.registry) return { usageError: 'act needs --registry <devices.txt>' };
  if (!values.out) return { usageError: 'act needs --out <file>' };
  return {
    ok: {
      command: 'act',
      action: action as SelectionAction,
      registry: values.registry,
      ids: values.ids,
      out: values.out,
    },
  };
}
