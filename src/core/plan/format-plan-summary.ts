import type { PlanResult } from './plan-result';
import type { PlanRow } from './plan-types';

/** The readable form of `iot-bulk plan`: counts, what the job file does, notices, some rows. */
export function formatPlanSummary(result: PlanResult, sample: PlanRow[], listed: number): string {
  const { create, update, unchanged, delete: deleted, fail } = result.summary;
  const out = [
    `create ${create}, update ${update}, unchanged ${unchanged}, delete ${deleted}, fail ${fail}`,
    `job file: ${result.sent} of ${result.rows} lines (${result.leftOut} unchanged left out)`,
    `after the job: ${result.after.devices} devices, ${result.after.identities} devices and modules`,
  ];
  for (const notice of result.notices) out.push(`note (${notice.count}): ${notice.message}`);
  if (sample.length > 0)
    out.push(`rows that do something${sample.length >= listed ? `, first ${listed}` : ''}:`);
  for (const row of sample) out.push(`  ${describeRow(row)}`);
  return out.join('\n');
}

export function describeRow(row: PlanRow): string {
  const name = row.moduleId === undefined ? row.id || '(no id)' : `${row.id}/${row.moduleId}`;
  const head = `line ${row.line} ${row.outcome.padEnd(6)} ${name}`;
  if (row.outcome === 'fail')
    return `${head}: ${row.errorCode ?? ''} ${row.message ?? ''}`.trimEnd();
  const parts: string[] = [];
  if (row.fields !== undefined) parts.push(row.fields.join(', '));
  if (row.keysRotated) parts.push('new keys minted');
  if (row.keysKept) parts.push('keys kept from the registry');
  return parts.length > 0 ? `${head}: ${parts.join('; ')}` : head;
}
