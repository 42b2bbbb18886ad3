import { isKeyRegeneration, MODULE_KEYS_KEPT } from '../../../../core/bulk/regenerate-keys';
import type { KeyRegeneration } from '../../../../core/bulk/regenerate-keys';
import type { ImportMode } from '../../../../core/model/import-mode';
import { plural } from '../../../lib/format';
import type { BrowseAction } from '../../../workers/registry/build-selection-import';
import type { RegistryFilter } from '../../../workers/registry/registry-filter';

// Words for "Act on N devices" (docs/bulk-flows.md, "Act on a selection"): the menu's items and
// the hand-off's reason above the import wizard, which must say what was asked, of which snapshot,
// through which filter, and what the worker left out and why, before the admin reads the plan.

export const ACTION_WORDS: Record<BrowseAction, { label: string; verb: string; detail: string }> = {
  disable: { label: 'Disable', verb: 'Disable', detail: 'Keys and scopes kept' },
  enable: { label: 'Enable', verb: 'Enable', detail: 'Keys and scopes kept' },
  'swap-keys': {
    label: 'Swap keys',
    verb: 'Swap the primary and secondary keys of',
    detail: 'Primary and secondary exchanged',
  },
  'regenerate-primary': {
    label: 'New primary keys',
    verb: 'Give new primary keys to',
    detail: 'Made here, downloaded once; secondary kept',
  },
  'regenerate-secondary': {
    label: 'New secondary keys',
    verb: 'Give new secondary keys to',
    detail: 'Made here, downloaded once; primary kept',
  },
  'regenerate-both': {
    label: 'New primary and secondary keys',
    verb: 'Give new primary and secondary keys to',
    detail: 'Made here, downloaded once',
  },
  delete: { label: 'Delete', verb: 'Delete', detail: 'Modules go with their device' },
};

/** "new primary keys": what a key regeneration makes, for the download's words. */
export function newKeysWords(action: KeyRegeneration): string {
  if (action === 'regenerate-primary') return 'new primary keys';
  if (action === 'regenerate-secondary') return 'new secondary keys';
  return 'new primary and secondary keys';
}

/** The menu's order: the status changes, the key changes, then delete. */
export const MENU_ACTIONS: readonly BrowseAction[] = [
  'disable',
  'enable',
  'swap-keys',
  'regenerate-primary',
  'regenerate-secondary',
  'regenerate-both',
  'delete',
];

/** Each line names its own mode; this is only the wizard's default for a line without one. */
export function suggestedModeOf(action: BrowseAction): ImportMode {
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
    filter.hubSelection ? filter.hubSelection.label : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'every record (no filter)';
}

const MODULE_REASONS = new Set([
  'a module has no status of its own',
  'deleted with its device',
  MODULE_KEYS_KEPT,
]);

/** "3 modules left out: a module has no status of its own; 1 left out: already disabled." */
export function leftOutWords(leftOut: Record<string, number>): string {
  return Object.entries(leftOut)
    .map(([reason, count]) =>
      MODULE_REASONS.has(reason)
        ? `${plural(count, 'module', 'modules')} left out: ${reason}`
        : `${plural(count, 'record', 'records')} left out: ${reason}`,
    )
    .join('; ');
}

export interface SelectionReasonInput {
  action: BrowseAction;
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
      : isKeyRegeneration(input.action)
        ? ' Each line keeps the status, scopes and the key not regenerated, so nothing else changes.' +
          ' The new keys are in the file you downloaded and nowhere else: the proxy deletes this' +
          ' import file from storage when the job ends, and the backup keeps the old keys for undo.'
        : ' Each line keeps the keys, thumbprints and scopes the export has, so nothing else changes.';
  return (
    `${ACTION_WORDS[input.action].verb} ${plural(input.written, 'identity', 'identities')} ` +
    `of the snapshot ${input.snapshot}, filter: ${filterWords(input.filter)}.` +
    (leftOut ? ` ${leftOut}.` : '') +
    kept +
    ' A device changed since that export is refused (412), not overwritten.'
  );
}
