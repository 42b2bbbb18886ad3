// Twin limits (hub-protocol.md sec. 6): tags 8 KB, desired 32 KB, depth 10; keys may not contain
// `.`, `$` or spaces (the hub answers 400004 ArgumentInvalid). An exported twin carries `$metadata`
// and `$version` at the root of desired; those are the hub's own and are allowed on import.
export const TAGS_MAX_BYTES = 8 * 1024;
export const DESIRED_MAX_BYTES = 32 * 1024;
export const TWIN_MAX_DEPTH = 10;

export type TwinProblem =
  | { kind: 'bad-key'; key: string }
  | { kind: 'too-deep' }
  | { kind: 'too-large'; bytes: number }
  | null;

export function isValidTwinKey(key: string): boolean {
  if (key.length === 0 || key.length > 1024) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c === 46 || c === 36 || c === 32 || c < 32) return false;
  }
  return true;
}

export function findKeyOrDepthProblem(value: unknown, depth: number, isRoot: boolean): TwinProblem {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  if (depth > TWIN_MAX_DEPTH) return { kind: 'too-deep' };
  for (const key of Object.keys(value)) {
    if (!(isRoot && (key === '$metadata' || key === '$version')) && !isValidTwinKey(key)) return { kind: 'bad-key', key };
    if (isRoot && key === '$metadata') continue;
    const problem = findKeyOrDepthProblem((value as Record<string, unknown>)[key], depth + 1, false);
    if (problem) return problem;
  }
  return null;
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Checks keys, depth and serialized size of a tags or desired collection. */
export function validateTwinCollection(collection: Record<string, unknown>, maxBytes: number, checkKeys: boolean): TwinProblem {
  if (checkKeys) {
    const problem = findKeyOrDepthProblem(collection, 1, true);
    if (problem) return problem;
  }
  const bytes = utf8Length(JSON.stringify(collection));
  return bytes > maxBytes ? { kind: 'too-large', bytes } : null;
}
