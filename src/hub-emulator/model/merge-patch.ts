import type { TwinSection } from './identity';

/** JSON merge patch (RFC 7396) as the twin PATCH applies it: null removes a key. */
export function mergePatch(target: TwinSection, patch: TwinSection): TwinSection {
  const result: TwinSection = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else if (isPlainObject(value) && isPlainObject(result[key]))
      result[key] = mergePatch(result[key] as TwinSection, value);
    else if (isPlainObject(value)) result[key] = mergePatch({}, value);
    else result[key] = value;
  }
  return result;
}

function isPlainObject(value: unknown): value is TwinSection {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
