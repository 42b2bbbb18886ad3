import type { RegistryRow } from '../../../lib/registry-worker/summarize-device';

export interface RegistryFilter {
  /** Substring of the device id (a prefix is a substring too); case-insensitive. */
  search: string;
  /** '' for any. */
  status: string;
  /** '' for any; 'unknown' for records exported without authentication. */
  authType: string;
  edge: 'any' | 'edge' | 'not-edge';
  /** A tag value, or `name=value` for one tag; case-insensitive, exact. */
  tag: string;
}

export const EMPTY_FILTER: RegistryFilter = { search: '', status: '', authType: '', edge: 'any', tag: '' };

function tagMatcher(tag: string): ((row: RegistryRow) => boolean) | null {
  const wanted = tag.trim().toLowerCase();
  if (wanted === '') return null;
  const at = wanted.indexOf('=');
  if (at < 0) return (row) => row.tags.some(([, value]) => value.toLowerCase() === wanted);
  const name = wanted.slice(0, at).trim();
  const value = wanted.slice(at + 1).trim();
  return (row) => row.tags.some(([n, v]) => n.toLowerCase() === name && v.toLowerCase() === value);
}

export function isFiltering(filter: RegistryFilter): boolean {
  return filter.search.trim() !== '' || filter.status !== '' || filter.authType !== '' || filter.edge !== 'any' || filter.tag.trim() !== '';
}

/** The rows a filter keeps, in file order. Returns the input array itself when nothing filters. */
export function filterRegistryRows(rows: readonly RegistryRow[], filter: RegistryFilter): readonly RegistryRow[] {
  if (!isFiltering(filter)) return rows;
  const search = filter.search.trim().toLowerCase();
  const matchesTag = tagMatcher(filter.tag);
  const auth = filter.authType === 'unknown' ? '' : filter.authType.toLowerCase();
  return rows.filter(
    (row) =>
      (search === '' || row.id.toLowerCase().includes(search)) &&
      (filter.status === '' || row.status === filter.status) &&
      (filter.authType === '' || row.authType.toLowerCase() === auth) &&
      (filter.edge === 'any' || row.edge === (filter.edge === 'edge')) &&
      (matchesTag === null || matchesTag(row)),
  );
}

/** The values the status and auth-type filters offer: what the export actually holds. */
export function distinctFilterValues(rows: readonly RegistryRow[]): { statuses: string[]; authTypes: string[] } {
  const statuses = new Set<string>();
  const authTypes = new Set<string>();
  for (const row of rows) {
    if (row.status) statuses.add(row.status);
    authTypes.add(row.authType === '' ? 'unknown' : row.authType);
  }
  return { statuses: [...statuses].sort(), authTypes: [...authTypes].sort() };
}

export function tagSummary(row: RegistryRow): string {
  return row.tags.map(([name, value]) => `${name}=${value}`).join(', ');
}
