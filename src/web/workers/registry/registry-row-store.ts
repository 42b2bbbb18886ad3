import { int32Column, uint16Column, uint8Column } from './growable-column';
import type { RegistryRow } from './summarize-device';

/**
 * Distinct strings numbered in order of first sight, so a column holds small codes instead of text.
 */
export interface StringTable {
  readonly values: string[];
  codeOf(value: string): number;
}

export function createStringTable(): StringTable {
  const values: string[] = [];
  const codes = new Map<string, number>();
  return {
    values,
    codeOf(value) {
      let code = codes.get(value);
      if (code === undefined) {
        code = values.length;
        codes.set(value, code);
        values.push(value);
      }
      return code;
    },
  };
}

/**
 * Every record's row summary in columns (parallel arrays indexed by record index) rather than a
 * million row objects: ids as strings, everything else as codes into a few string tables. The
 * matcher scans these columns; `rowAt` rebuilds a row only for the rows the page shows.
 */
export function createRegistryRowStore() {
  const ids: string[] = [];
  // Lower-cased ids for the case-insensitive search; the same string when already lower case.
  const idsLower: string[] = [];
  const modules = new Map<number, string>();
  const statuses = createStringTable();
  const authTypes = createStringTable();
  const tagNames = createStringTable();
  const tagValues = createStringTable();
  const status = uint16Column();
  const auth = uint16Column();
  const edge = uint8Column();
  // Record i's tags are entries tagStart[i] .. tagStart[i+1]-1 of tagName/tagValue.
  const tagStart = int32Column();
  const tagName = int32Column();
  const tagValue = int32Column();
  tagStart.push(0);

  return {
    ids,
    idsLower,
    isModule: (index: number): boolean => modules.has(index),
    statuses,
    authTypes,
    tagNames,
    tagValues,
    status,
    auth,
    edge,
    tagStart,
    tagName,
    tagValue,
    get size(): number {
      return ids.length;
    },
    add(row: RegistryRow): void {
      const index = ids.length;
      ids.push(row.id);
      const lower = row.id.toLowerCase();
      idsLower.push(lower === row.id ? row.id : lower);
      if (row.moduleId !== undefined) modules.set(index, row.moduleId);
      status.push(statuses.codeOf(row.status));
      auth.push(authTypes.codeOf(row.authType));
      edge.push(row.edge ? 1 : 0);
      for (const [name, value] of row.tags) {
        tagName.push(tagNames.codeOf(name));
        tagValue.push(tagValues.codeOf(value));
      }
      tagStart.push(tagName.length);
    },
    rowAt(index: number): RegistryRow {
      const tags: [string, string][] = [];
      for (let t = tagStart.at(index); t < tagStart.at(index + 1); t++)
        tags.push([tagNames.values[tagName.at(t)] ?? '', tagValues.values[tagValue.at(t)] ?? '']);
      const row: RegistryRow = {
        index,
        id: ids[index] ?? '',
        status: statuses.values[status.at(index)] ?? '',
        authType: authTypes.values[auth.at(index)] ?? '',
        edge: edge.at(index) === 1,
        tags,
      };
      const moduleId = modules.get(index);
      if (moduleId !== undefined) row.moduleId = moduleId;
      return row;
    },
    /**
     * The values the status and auth-type filters offer: what the export holds ('unknown' = no
     * authentication).
     */
    filterValues(): { statuses: string[]; authTypes: string[] } {
      return {
        statuses: statuses.values.filter((value) => value !== '').sort(),
        authTypes: [
          ...new Set(authTypes.values.map((value) => (value === '' ? 'unknown' : value))),
        ].sort(),
      };
    },
  };
}

export type RegistryRowStore = ReturnType<typeof createRegistryRowStore>;
