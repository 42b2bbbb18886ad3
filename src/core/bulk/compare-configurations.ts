import { readConfigurations, type AdminConfiguration } from './copy-configurations';

// The verification of a copy's configurations: the source's configurations.txt against the
// target's, by id, on what an admin wrote (copy-configurations.ts); the ETag, the times and the
// metric results are each hub's own and are not compared.

export interface ConfigurationDifference {
  id: string;
  kind: 'added' | 'removed' | 'changed';
  /** The fields that differ, for `changed`. */
  fields: string[];
}

export interface ConfigurationComparison {
  /** Configurations of A. */
  total: number;
  identical: number;
  differences: ConfigurationDifference[];
}

const FIELDS = [
  'schemaVersion',
  'labels',
  'content',
  'targetCondition',
  'priority',
  'metricQueries',
] as const;

export function compareConfigurations(aText: string, bText: string): ConfigurationComparison {
  const a = byId(readConfigurations(aText).configurations);
  const b = byId(readConfigurations(bText).configurations);
  const differences: ConfigurationDifference[] = [];
  let identical = 0;
  for (const [id, ca] of a) {
    const cb = b.get(id);
    if (cb === undefined) {
      differences.push({ id, kind: 'removed', fields: [] });
      continue;
    }
    const fields = FIELDS.filter((f) => canonical(ca[f]) !== canonical(cb[f]));
    if (fields.length === 0) identical++;
    else differences.push({ id, kind: 'changed', fields });
  }
  for (const id of b.keys()) if (!a.has(id)) differences.push({ id, kind: 'added', fields: [] });
  differences.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return { total: a.size, identical, differences };
}

function byId(list: AdminConfiguration[]): Map<string, AdminConfiguration> {
  return new Map(list.map((c) => [c.id, c]));
}

// Key order is not a difference: both hubs write the same configuration with its own order.
function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      typeof v === 'object' && v !== null && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
        : v,
    ) ?? 'undefined'
  );
}
