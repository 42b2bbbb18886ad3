import type { ChangeKind, DeviceChange } from '../../../../core/diff';

export interface ChangeFilter {
  kind: ChangeKind | '';
  /** '' for any; an exact field path, or a group ending in `.*` (e.g. `tags.*`). */
  field: string;
}

export const NO_CHANGE_FILTER: ChangeFilter = { kind: '', field: '' };

function fieldMatcher(field: string): ((change: DeviceChange) => boolean) | null {
  if (field === '') return null;
  if (field.endsWith('.*')) {
    const prefix = field.slice(0, -1);
    return (change) => change.fields.some((path) => path.startsWith(prefix));
  }
  return (change) => change.fields.includes(field);
}

export function filterChanges(
  changes: readonly DeviceChange[],
  filter: ChangeFilter,
): readonly DeviceChange[] {
  const matchesField = fieldMatcher(filter.field);
  if (filter.kind === '' && matchesField === null) return changes;
  return changes.filter(
    (change) =>
      (filter.kind === '' || change.kind === filter.kind) &&
      (matchesField === null || matchesField(change)),
  );
}

export interface FieldCount {
  field: string;
  count: number;
}

const GROUPS = ['tags.', 'properties.desired.', 'properties.reported.'];

/**
 * The field filter's choices: groups (any tag, any desired property) and the most changed single
 * fields, most frequent first, capped so a diff touching thousands of tag names stays usable.
 */
export function fieldChoices(changes: readonly DeviceChange[], max = 200): FieldCount[] {
  const counts = new Map<string, number>();
  const groups = new Map<string, number>();
  for (const change of changes) {
    const seenGroups = new Set<string>();
    for (const field of change.fields) {
      counts.set(field, (counts.get(field) ?? 0) + 1);
      const group = GROUPS.find((prefix) => field.startsWith(prefix));
      if (group !== undefined && !seenGroups.has(group)) {
        seenGroups.add(group);
        groups.set(`${group}*`, (groups.get(`${group}*`) ?? 0) + 1);
      }
    }
  }
  const byCount = (x: FieldCount, y: FieldCount) =>
    y.count - x.count || (x.field < y.field ? -1 : 1);
  const groupList = [...groups].map(([field, count]) => ({ field, count })).sort(byCount);
  const fieldList = [...counts]
    .map(([field, count]) => ({ field, count }))
    .sort(byCount)
    .slice(0, max);
  return [...groupList, ...fieldList];
}

export function changeKey(change: DeviceChange): string {
  return change.moduleId === undefined ? change.id : `${change.id}\u0000${change.moduleId}`;
}
