import type { PlanRow, PlanSummary } from './plan-types';

/**
 * One row of the `iot-bulk plan --json` shape: `{"id","moduleId"?,"line","outcome","errorCode"?,
 * "fields"?,"keysRotated"?}`. Ids, field names and codes only: never a key.
 */
export function planJsonRow(row: PlanRow): string {
  const out: Record<string, unknown> = { id: row.id };
  if (row.moduleId !== undefined) out.moduleId = row.moduleId;
  out.line = row.line;
  out.outcome = row.outcome;
  if (row.errorCode !== undefined) out.errorCode = row.errorCode;
  if (row.fields !== undefined) out.fields = row.fields;
  if (row.keysRotated === true) out.keysRotated = true;
  return JSON.stringify(out);
}

export function planJsonSummary(summary: PlanSummary): string {
  const { create, update, unchanged, delete: deleted, fail } = summary;
  return JSON.stringify({ create, update, unchanged, delete: deleted, fail });
}

/**
 * The whole document around rows that are streamed in between: one row per line, so a
 * 1,000,000-row plan stays greppable and never has to be one string.
 */
export function planJsonHead(summary: PlanSummary, hasRows: boolean): string {
  return `{"summary":${planJsonSummary(summary)},"rows":[${hasRows ? '\n' : ''}`;
}

export function planJsonTail(hasRows: boolean): string {
  return `${hasRows ? '\n' : ''}]}\n`;
}
