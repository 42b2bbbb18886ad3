import type { IdentityInput } from './identity-input';

// Twin limits (docs/reference/hub-wire-contract.md#twins, #limits): tags 8 KB, desired and reported
// 32 KB each, keys at most 1 KB without `.`, `$`, space or control characters, strings at most 4
// KB, depth 10.
const SECTION_LIMITS = { tags: 8 * 1024, desired: 32 * 1024, reported: 32 * 1024 } as const;
const MAX_KEY_BYTES = 1024;
const MAX_STRING_BYTES = 4 * 1024;
const MAX_DEPTH = 10;
// eslint-disable-next-line no-control-regex
const BAD_KEY = /[.$ \u0000-\u001f\u007f]/;

export function validateTwinSections(
  input: Pick<IdentityInput, 'tags' | 'desired' | 'reported' | 'sourceBytesAtMost'>,
): string | undefined {
  // A section is never larger than the JSON it was parsed from, so small sources skip a stringify.
  const mayBeTooBig =
    input.sourceBytesAtMost === undefined || input.sourceBytesAtMost > SECTION_LIMITS.tags;
  for (const name of ['tags', 'desired', 'reported'] as const) {
    const section = input[name];
    if (!section) continue;
    if (mayBeTooBig && Buffer.byteLength(JSON.stringify(section)) > SECTION_LIMITS[name]) {
      return `Twin ${name} exceed the maximum size of ${SECTION_LIMITS[name]} bytes.`;
    }
    const problem = validateNode(section, 1, name);
    if (problem) return problem;
  }
  return undefined;
}

function validateNode(
  node: Record<string, unknown>,
  depth: number,
  path: string,
): string | undefined {
  if (depth > MAX_DEPTH)
    return `Twin property '${path}' exceeds the maximum depth of ${MAX_DEPTH}.`;
  for (const [key, value] of Object.entries(node)) {
    if (BAD_KEY.test(key) || Buffer.byteLength(key) > MAX_KEY_BYTES)
      return `Invalid twin property name '${key}' in '${path}'.`;
    if (typeof value === 'string' && Buffer.byteLength(value) > MAX_STRING_BYTES) {
      return `Twin property '${path}.${key}' exceeds the maximum string length.`;
    }
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const problem = validateNode(value as Record<string, unknown>, depth + 1, `${path}.${key}`);
      if (problem) return problem;
    }
  }
  return undefined;
}
