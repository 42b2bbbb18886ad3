// Clients put quotes around etags (C# SanitizeETag, Node ensureQuoted, Python _ensure_quoted), and
// the hub accepts an etag quoted or not (docs/reference/hub-wire-contract.md#device-identities,
// #line-fields). One rule for every place that reads an etag, the hub emulator's, so the converter,
// the plan and the emulator agree on what a cell means: surrounding white space goes, then one pair
// of quotes if the value both starts and ends with one. A lone quote is kept: it is not a quoted
// etag, and the hub's precondition then fails on it rather than our reading guessing which end was
// meant.
export function unquoteEtag(value: string): string {
  const trimmed = value.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1)
    : trimmed;
}
