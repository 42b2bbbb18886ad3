// The order fields are listed in, for `fields` and for the side-by-side rows: identity first, then
// the twin, as the hub's own ExportImportDevice orders them.
const FIXED_RANK: Record<string, number> = {
  status: 0,
  statusReason: 1,
  eTag: 2,
  'authentication.type': 3,
  'authentication.keys': 4,
  'authentication.x509Thumbprint.primaryThumbprint': 5,
  'authentication.x509Thumbprint.secondaryThumbprint': 6,
  twinETag: 7,
  'capabilities.iotEdge': 11,
  deviceScope: 12,
  parentScopes: 13,
};

const PREFIX_RANK: [string, number][] = [
  ['tags.', 8],
  ['properties.desired.', 9],
  ['properties.reported.', 10],
];

export function fieldRank(path: string): number {
  const fixed = FIXED_RANK[path];
  if (fixed !== undefined) return fixed;
  for (const [prefix, rank] of PREFIX_RANK) if (path.startsWith(prefix)) return rank;
  return 14;
}

export function compareFieldPaths(a: string, b: string): number {
  const byRank = fieldRank(a) - fieldRank(b);
  if (byRank !== 0) return byRank;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Identity fields need `createOrUpdate` to change; the rest are twin fields `updateTwin` can set.
 */
export function isIdentityField(path: string): boolean {
  const rank = fieldRank(path);
  return rank <= 6 || (rank >= 11 && rank <= 13);
}
