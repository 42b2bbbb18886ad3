import type { RegistryFilter } from '../../../contracts/worker/browse-messages';

export type { RegistryFilter } from '../../../contracts/worker/browse-messages';

export const EMPTY_FILTER: RegistryFilter = {
  search: '',
  status: '',
  authType: '',
  edge: 'any',
  tag: '',
};

export function isFiltering(filter: RegistryFilter): boolean {
  return (
    filter.search.trim() !== '' ||
    filter.status !== '' ||
    filter.authType !== '' ||
    filter.edge !== 'any' ||
    filter.tag.trim() !== '' ||
    filter.hubSelection !== undefined
  );
}

/** Two filters that keep the same rows compare equal (case and surrounding spaces aside). */
export function filterKey(filter: RegistryFilter): string {
  return JSON.stringify([
    filter.search.trim().toLowerCase(),
    filter.status,
    filter.authType.toLowerCase(),
    filter.edge,
    filter.tag.trim().toLowerCase(),
    // A new answer of the hub is a new selection even when its words are the same; the ids are
    // not part of the key, which is made on every ask.
    filter.hubSelection ? [filter.hubSelection.label, filter.hubSelection.takenAt] : null,
  ]);
}

export function tagSummary(row: { tags: [string, string][] }): string {
  return row.tags.map(([name, value]) => `${name}=${value}`).join(', ');
}
