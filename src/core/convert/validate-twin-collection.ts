import {
  isStringValueTooLong,
  twinKeyFault,
  utf8Length,
  type TwinKeyFault,
} from './twin-property-limits';

export { utf8Length } from './twin-property-limits';

// Twin limits (docs/reference/hub-wire-contract.md#twins, #limits): tags 8 KB, desired 32 KB, depth
// 10, keys 1 KB without control characters, `.`, `$` or spaces (the hub answers 400004
// ArgumentInvalid), string values 4 KB. An exported twin carries `$metadata` and `$version` at the
// root of desired; those are the hub's own and are allowed on import.
export const TAGS_MAX_BYTES = 8 * 1024;
export const DESIRED_MAX_BYTES = 32 * 1024;
export const TWIN_MAX_DEPTH = 10;

/**
 * `path` is dot-joined from the collection root: the object holding a bad key, or the too-long
 * value.
 */
export type TwinProblem =
  | { kind: 'bad-key'; key: string; fault: TwinKeyFault; path: string }
  | { kind: 'too-deep'; path: string }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'value-too-large'; path: string }
  | null;

export function isValidTwinKey(key: string): boolean {
  return twinKeyFault(key) === null;
}

// The path is built only while unwinding from a problem, so a clean walk allocates nothing for it.
function under(segment: string, problem: TwinProblem): TwinProblem {
  if (problem !== null && problem.kind !== 'too-large')
    problem.path = problem.path === '' ? segment : segment + '.' + problem.path;
  return problem;
}

function walk(
  value: unknown,
  depth: number,
  isRoot: boolean,
  checkKeys: boolean,
  checkValues: boolean,
): TwinProblem {
  if (typeof value === 'string')
    return checkValues && isStringValueTooLong(value)
      ? { kind: 'value-too-large', path: '' }
      : null;
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    // Arrays are [?] in the spec (docs/reference/hub-wire-contract.md#twins): only their string
    // values are held to the 4 KB limit.
    if (!checkValues) return null;
    for (let i = 0; i < value.length; i++) {
      const problem = walk(value[i], depth + 1, false, false, true);
      if (problem) return under(String(i), problem);
    }
    return null;
  }
  if (checkKeys && depth > TWIN_MAX_DEPTH) return { kind: 'too-deep', path: '' };
  for (const key of Object.keys(value)) {
    const hubOwn = isRoot && (key === '$metadata' || key === '$version');
    if (checkKeys && !hubOwn) {
      const fault = twinKeyFault(key);
      if (fault !== null) return { kind: 'bad-key', key, fault, path: '' };
    }
    if (isRoot && key === '$metadata') continue;
    const problem = walk(
      (value as Record<string, unknown>)[key],
      depth + 1,
      false,
      checkKeys,
      checkValues,
    );
    if (problem) return under(key, problem);
  }
  return null;
}

/**
 * Key and depth problems only (string values are not looked at); used for objects inside flat twin
 * cells.
 */
export function findKeyOrDepthProblem(value: unknown, depth: number, isRoot: boolean): TwinProblem {
  return walk(value, depth, isRoot, true, false);
}

/**
 * Checks a tags or desired collection: keys and depth when `checkKeys`, 4 KB string values when
 * `checkValues`, and its serialized size. A collection over its size limit reports that first.
 */
export function validateTwinCollection(
  collection: Record<string, unknown>,
  maxBytes: number,
  checkKeys: boolean,
  checkValues = false,
): TwinProblem {
  const problem =
    checkKeys || checkValues ? walk(collection, 1, true, checkKeys, checkValues) : null;
  if (problem !== null && problem.kind !== 'value-too-large') return problem;
  const bytes = utf8Length(JSON.stringify(collection));
  return bytes > maxBytes ? { kind: 'too-large', bytes } : problem;
}
