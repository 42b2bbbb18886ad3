// JSON may carry a lone UTF-16 surrogate as an escape (`"\ud800.csv"`). Such a string is not
// Unicode: it cannot be percent-encoded into container metadata, UTF-8 encoded into a log or shown
// as a name, so it is refused at the door as a validation error instead of failing deep inside a
// storage call. With the `u` flag, \p{Cs} matches only surrogates that are not part of a pair.
const LONE_SURROGATE = /\p{Cs}/u;

/** Dotted paths (`fileName`, `rows.3.id`) of every key or string value that is not Unicode. */
export function illFormedStringPaths(value: unknown, path: string[] = []): string[] {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? [path.join('.')] : [];
  if (Array.isArray(value))
    return value.flatMap((item, index) => illFormedStringPaths(item, [...path, String(index)]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) =>
      LONE_SURROGATE.test(key)
        ? [[...path, '(key)'].join('.')]
        : illFormedStringPaths(item, [...path, key]),
    );
  return [];
}
