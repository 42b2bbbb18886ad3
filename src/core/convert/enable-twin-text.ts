import { FieldKind, type ColumnPlanEntry } from './column-plan';

// Integer-like keys are ordered first by JSON.stringify of an object; columns in file order would
// differ, so such keys keep the object path.
const INDEX_LIKE = /^(0|[1-9]\d{0,9})$/;

/**
 * When every column feeding tags (or desired) is a flat `tags.<key>` column with distinct keys, the
 * twin JSON can be written straight from the cells in column order with the same bytes as
 * JSON.stringify of the object, skipping one object and one stringify per row.
 */
export function enableTwinText(entries: ColumnPlanEntry[]): void {
  const groups = [
    [FieldKind.tagPath, FieldKind.tags, FieldKind.tagText],
    [FieldKind.desiredPath, FieldKind.desired, FieldKind.desiredText],
  ] as const;
  for (const [pathKind, wholeKind, textKind] of groups) {
    const group = entries.filter((e) => e.kind === pathKind || e.kind === wholeKind);
    if (group.length === 0) continue;
    const keys = new Set<string>();
    const flat = group.every((e) => {
      const key = e.segments[0];
      if (
        e.kind !== pathKind ||
        e.segments.length !== 1 ||
        e.pathProblem !== undefined ||
        key === undefined
      )
        return false;
      if (INDEX_LIKE.test(key) || keys.has(key)) return false;
      keys.add(key);
      return true;
    });
    if (!flat) continue;
    for (const e of group) {
      e.kind = textKind;
      e.textKey = JSON.stringify(e.segments[0]) + ':';
    }
  }
}
