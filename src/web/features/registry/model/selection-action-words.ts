import type { SelectionAction } from '../../../../core/bulk/selection-action';
import type { ImportMode } from '../../../../core/model/import-mode';
import { plural } from '../../../lib/format';
import type { RegistryFilter } from '../../../workers/registry/registry-filter';

// Words for "Act on N devices" (docs/bulk-flows.md, "Act on a selection"): the menu's items and
// the hand-off's reason above the import wizard, which must say what was asked, of which snapshot,
// through which filter, and what the worker left out and why, before the admin reads the plan.

export const ACTION_WORDS: Record<
  SelectionAction,
  { label: string; verb: string; detail: string }
> = {
  disable: { label: 'Disable', verb: 'Disable', detail: 'Keys and scopes kept' },
  enable: { label: 'Enable', verb: 'Enable', detail: 'Keys and scopes kept' },
  'swap-keys': {
    label: 'Swap keys',
    verb: 'Swap the primary and secondary keys of',
    detail: 'Primary and secondary exchanged',
  },
  delete: { label: 'Delete', verb: 'Delete', detail: 'Modules go with their device' },
};

/** Each line names its own mode; this is only the wizard's default for a line without one. */
export function suggestedModeOf(action: SelectionAction): ImportMode {
  return action === 'delete' ? 'deleteIfMatchETag' : 'updateIfMatchETag';
}

/** 'ids containing "lab-", status disabled', or 'every record (no filter)'. */
export function filterWords(filter: RegistryFilter): string {
  const parts = [
    filter.search.trim() ? `ids containing "${filter.search.trim()}"` : '',
    filter.status ? `status ${filter.status}` : '',
    filter.authType ? `auth type ${filter.authType}` : '',
    filter.edge === 'edge' ? 'IoT Edge devices' : filter.edge === 'not-edge' ? 'not IoT Edge' : '',
    filter.tag.trim() ? `tag ${filter.tag.trim()}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'every record (no filter)';
}

/** "3 modules left out: a module has no status of its own; 1 left out: already disabled." */
export function leftOutWords(leftOut: Record<string, number>): string {
  return Object.entries(leftOut)
    .map(([reason, count]) =>
      reason === 'a module has no status of its own' || reason === 'deleted with its device'
        ? `${plural(count, 'module', 'modules')} left out: ${reason}`
        : `${plural(count, 'record', 'records')} left out: ${reason}`,
    )
    .join('; ');
}

export interface SelectionReasonInput {
  action: SelectionAction;
  filter: RegistryFilter;
  /** How the snapshot is named on its page: "before the move · export id efghij". */
  snapshot: string;
  written: number;
  leftOut: Record<string, number>;
}

export function selectionActionReason(input: SelectionReasonInput): string {
  const leftOut = leftOutWords(input.leftOut);
  const kept =
    input.action === 'delete'
      ? ''
      : ' Each line keeps the keys, thumbprints and scopes the export has, so nothing else changes.';
  return (
    `${ACTION_WORDS[input.action].verb} ${plural(input.written, 'identity', 'identities')} ` +
    `of the snapshot ${input.snapshot}, filter: ${filterWords(input.filter)}.` +
    (leftOut ? ` ${leftOut}.` : '') +
    kept +
    ' A device changed since that export is refused (412), not overwritten.'
  );
}
