import type { ImportMode } from '../../../../core/model/import-mode';
import { plural } from '../../../lib/format';

const DELETE_MODES: readonly ImportMode[] = ['delete', 'deleteIfMatchETag'];
// These modes exist to change devices that are already registered: every row overwrites.
const OVERWRITE_MODES: readonly ImportMode[] = [
  'update',
  'updateIfMatchETag',
  'updateTwin',
  'updateTwinIfMatchETag',
];
// These overwrite only the devices that happen to exist; the browser cannot know how many, so
// they get a warning rather than a typed count (the walking-skeleton journey imports with
// createOrUpdate by default and expects no typed confirmation).
const MAY_OVERWRITE_MODES: readonly ImportMode[] = ['createOrUpdate', 'createOrUpdateIfMatchETag'];

export interface DestructiveCounts {
  deletes: number;
  overwrites: number;
  mayOverwrite: number;
}

function sum(byMode: Partial<Record<ImportMode, number>>, modes: readonly ImportMode[]): number {
  return modes.reduce((total, mode) => total + (byMode[mode] ?? 0), 0);
}

export function countDestructive(byMode: Partial<Record<ImportMode, number>>): DestructiveCounts {
  return {
    deletes: sum(byMode, DELETE_MODES),
    overwrites: sum(byMode, OVERWRITE_MODES),
    mayOverwrite: sum(byMode, MAY_OVERWRITE_MODES),
  };
}

export function devicesText(count: number): string {
  return plural(count, 'device', 'devices');
}

/**
 * The phrase an admin must type before a destructive import, naming the count so nobody confirms
 * "delete 1,204 devices" while thinking of 12, and the hub, so nobody confirms on production while
 * thinking of a test hub. Null when nothing is deleted or overwritten.
 */
export function confirmPhraseFor(
  byMode: Partial<Record<ImportMode, number>>,
  hubName: string,
): string | null {
  const { deletes, overwrites } = countDestructive(byMode);
  const parts: string[] = [];
  if (deletes > 0) parts.push(`delete ${devicesText(deletes)}`);
  if (overwrites > 0) parts.push(`overwrite ${devicesText(overwrites)}`);
  return parts.length > 0 ? `${parts.join(' and ')} in ${hubName}` : null;
}

/**
 * With a plan the phrase follows what the hub will really do, whatever the modes are called:
 * deleted devices, changed devices (identity or twin values overwritten), devices given new keys.
 * A plan of only creates, unchanged rows and refusals needs no phrase.
 */
export function confirmPhraseForPlan(
  plan: {
    summary: { delete: number; update: number };
    keysRotated: number;
    /** Updates that change only the keys, to keys the file carries (a key regeneration). */
    keysReplaced?: number;
  },
  hubName: string,
): string | null {
  const parts: string[] = [];
  const replaced = Math.min(plan.keysReplaced ?? 0, plan.summary.update);
  const changed = plan.summary.update - replaced;
  const newKeys = plan.keysRotated + replaced;
  if (plan.summary.delete > 0) parts.push(`delete ${devicesText(plan.summary.delete)}`);
  if (changed > 0) parts.push(`change ${devicesText(changed)}`);
  if (newKeys > 0) parts.push(`give ${devicesText(newKeys)} new keys`);
  return parts.length > 0 ? `${parts.join(' and ')} in ${hubName}` : null;
}

/** Typed text matches when it is the phrase, ignoring case and surrounding or doubled spaces. */
export function matchesConfirmPhrase(typed: string, phrase: string): boolean {
  const normalize = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
  return normalize(typed) === normalize(phrase);
}
