import type { RegistryDiff } from './diff-types';

const TOP_FIELDS = 10;

/**
 * The readable form of `iot-bulk diff` (without --json): counts, the most changed fields, notices.
 */
export function formatDiffSummary(diff: RegistryDiff): string {
  const { added, removed, changed, unchanged } = diff.summary;
  const out = [`added ${added}, removed ${removed}, changed ${changed}, unchanged ${unchanged}`];
  const byField = new Map<string, number>();
  for (const change of diff.changes)
    for (const field of change.fields) byField.set(field, (byField.get(field) ?? 0) + 1);
  const top = [...byField]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, TOP_FIELDS);
  if (top.length > 0) {
    out.push('changed fields:');
    for (const [field, count] of top) out.push(`  ${field}: ${count}`);
    if (byField.size > TOP_FIELDS) out.push(`  … and ${byField.size - TOP_FIELDS} more fields`);
  }
  for (const notice of diff.notices) out.push(`note: ${notice.message}`);
  return out.join('\n') + '\n';
}
