/** A side-by-side cell: "not set" for absent, strings bare, everything else as compact JSON. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'not set';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Keys are never shown, not even masked: only whether they differ (or cannot be compared). */
export function keysVerdict(
  row: { changed: boolean; compared: boolean; a: unknown; b: unknown },
  maskedByServer = false,
): string {
  // Masked keys read the same on both sides, so "unchanged" would be a guess: say what is known.
  if (maskedByServer) return 'not visible to your role';
  if (!row.compared) return 'not compared (keys missing from one export)';
  if (row.a === undefined && row.b === undefined) return 'not set';
  return row.changed ? 'changed' : 'unchanged';
}
