import type { ImportMode } from '../../../../core/model/import-mode';
import { lookupErrorCode } from './error-catalogue';
import type { ErrorCatalogueEntry } from './error-catalogue';
import type { SourceRow } from './collect-source-rows';
import type { ImportErrorEntry } from './parse-error-log-line';

export interface ErrorRow extends ImportErrorEntry {
  info: ErrorCatalogueEntry;
  source: SourceRow | null;
}

export function joinErrorRows(entries: readonly ImportErrorEntry[], sources: ReadonlyMap<string, SourceRow> | undefined): ErrorRow[] {
  return entries.map((entry) => ({
    ...entry,
    info: lookupErrorCode(entry.code),
    source: entry.deviceId !== null ? (sources?.get(entry.deviceId) ?? null) : null,
  }));
}

export function codeKey(code: number | null): string {
  return code === null ? 'unreadable' : String(code);
}

export interface CodeCount {
  key: string;
  code: number | null;
  name: string;
  count: number;
}

export function countByCode(entries: readonly ImportErrorEntry[]): CodeCount[] {
  const counts = new Map<string, CodeCount>();
  for (const entry of entries) {
    const key = codeKey(entry.code);
    const found = counts.get(key);
    if (found) found.count += 1;
    else counts.set(key, { key, code: entry.code, name: lookupErrorCode(entry.code).name, count: 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count);
}

export function filterErrorRows(rows: readonly ErrorRow[], code: string, search: string): ErrorRow[] {
  const needle = search.trim().toLowerCase();
  if (!code && !needle) return rows as ErrorRow[];
  return rows.filter(
    (row) => (!code || codeKey(row.code) === code) && (!needle || (row.deviceId ?? '').toLowerCase().includes(needle)),
  );
}

/** The ids a retry can resend: rows with an id (a 400012 line has none). */
export function failedIds(rows: readonly ImportErrorEntry[]): Set<string> {
  const ids = new Set<string>();
  for (const row of rows) if (row.deviceId !== null) ids.add(row.deviceId);
  return ids;
}

/** The mode most of the failed rows' catalogue entries recommend, else null. */
export function suggestedRetryMode(rows: readonly ErrorRow[]): ImportMode | null {
  const votes = new Map<ImportMode, number>();
  for (const row of rows) if (row.info.retryMode) votes.set(row.info.retryMode, (votes.get(row.info.retryMode) ?? 0) + 1);
  let best: ImportMode | null = null;
  let bestVotes = 0;
  for (const [mode, count] of votes) if (count > bestVotes) [best, bestVotes] = [mode, count];
  return best;
}
