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
    filter.tag.trim() !== ''
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
  ]);
}

export function tagSummary(row: { tags: [string, string][] }): string {
  return row.tags.map(([name, value]) => `${name}=${value}`).join(', ');
}
