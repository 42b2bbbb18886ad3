import type { PlanOutcome, PlanRow } from '../../../core/plan/plan-types';

// The plan's rows stay in the worker; the table asks for one page at a time, optionally of some
// outcomes or of ids starting with a prefix. Unfiltered pages are a slice; a filter is one pass.

export interface RowQuery {
  offset: number;
  limit: number;
  outcomes?: readonly PlanOutcome[] | undefined;
  idPrefix?: string | undefined;
}

export function pageOfRows(rows: readonly PlanRow[], query: RowQuery) {
  const outcomes = query.outcomes && query.outcomes.length > 0 ? new Set(query.outcomes) : null;
  const prefix = query.idPrefix ?? '';
  if (outcomes === null && prefix === '')
    return { total: rows.length, rows: rows.slice(query.offset, query.offset + query.limit) };
  const page: PlanRow[] = [];
  let total = 0;
  for (const row of rows) {
    if (outcomes !== null && !outcomes.has(row.outcome)) continue;
    if (prefix !== '' && !row.id.startsWith(prefix)) continue;
    if (total >= query.offset && page.length < query.limit) page.push(row);
    total++;
  }
  return { total, rows: page };
}
