import { detectColumnTarget } from '../../core/convert/detect-column-target';
import { isSecretName } from './secret-names';

// What makes a field secret in one operation's files: its name (secret-names.ts), what the
// conversion engine would take the column for (an alias of primaryKey or secondaryKey), and the
// columns the admin mapped to a key when the import was created (recorded as `keyColumns`). The
// mapping is what lets a column called `primary` or `k1` be masked.

export interface SecretFields {
  /**
   * A JSON member: `path` gives the object keys from the record's root down to and including it
   * (a function: most files map no dotted key column, and a path per member is garbage).
   */
  isSecretKey(name: string, path: () => readonly string[]): boolean;
  /** A CSV header cell. */
  isSecretColumn(header: string): boolean;
}

const KEY_TARGETS = new Set(['primaryKey', 'secondaryKey']);
/** Names seen per file are few (a schema), lookups are per value (millions): remember them. */
const CACHE_LIMIT = 10_000;

export function createSecretFields(keyColumns: readonly string[] = []): SecretFields {
  const columns = new Set(keyColumns.map((column) => column.trim()));
  // A JSON source's columns are dotted paths (`authentication.k1`): the same path, at any depth.
  const paths = [...columns].map((column) => column.split('.'));
  const byName = new Map<string, boolean>();
  const secretByName = (name: string): boolean => {
    let known = byName.get(name);
    if (known === undefined) {
      const target = detectColumnTarget(name);
      known = isSecretName(name) || (target !== null && KEY_TARGETS.has(target));
      if (byName.size < CACHE_LIMIT) byName.set(name, known);
    }
    return known;
  };
  const endsWith = (path: readonly string[], segments: readonly string[]): boolean =>
    segments.length <= path.length &&
    segments.every((segment, i) => path[path.length - segments.length + i] === segment);
  return {
    isSecretKey: (name, path) =>
      secretByName(name) ||
      columns.has(name) ||
      (paths.length > 0 && paths.some((segments) => endsWith(path(), segments))),
    isSecretColumn: (header) => secretByName(header) || columns.has(header.trim()),
  };
}
