import { describeImportError } from '../../../../core/import-errors';
import type { ImportErrorEntry, ImportErrorInfo } from '../../../../core/import-errors';
import type { RetryTarget } from '../../../../core/retry/build-retry-import';
import type { ImportMode } from '../../../../core/model/import-mode';
import type { SourceRow } from './collect-source-rows';
import { retryModeForCode } from './retry-mode-for-code';

export interface ErrorRow extends ImportErrorEntry {
  info: ImportErrorInfo;
  source: SourceRow | null;
}

/**
 * Joins log entries to their catalogue words and source rows; used for downloads, not for
 * rendering.
 */
export function joinErrorRows(
  entries: readonly ImportErrorEntry[],
  sources: ReadonlyMap<string, SourceRow> | undefined,
): ErrorRow[] {
  return entries.map((entry) => ({
    ...entry,
    info: describeImportError(entry.errorCode),
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
    const key = codeKey(entry.errorCode);
    const found = counts.get(key);
    if (found) found.count += 1;
    else
      counts.set(key, {
        key,
        code: entry.errorCode,
        name: describeImportError(entry.errorCode).name,
        count: 1,
      });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count);
}

/**
 * Filters the log entries themselves: at a million rows, joining every row up front would freeze
 * the page.
 */
export function filterErrorRows<Row extends ImportErrorEntry>(
  rows: readonly Row[],
  code: string,
  search: string,
): readonly Row[] {
  const needle = search.trim().toLowerCase();
  if (!code && !needle) return rows;
  return rows.filter(
    (row) =>
      (!code || codeKey(row.errorCode) === code) &&
      (!needle || (row.deviceId ?? '').toLowerCase().includes(needle)),
  );
}

/** The ids whose source rows to look up (a 400012 line may have none). */
export function failedIds(rows: readonly ImportErrorEntry[]): Set<string> {
  const ids = new Set<string>();
  for (const row of rows) if (row.deviceId !== null) ids.add(row.deviceId);
  return ids;
}

/** The rows a retry can resend, keyed like the import file (id + moduleId). */
export function retryTargets(rows: readonly ImportErrorEntry[]): RetryTarget[] {
  return rows
    .filter((row) => row.deviceId !== null)
    .map((row) => ({ deviceId: row.deviceId as string, moduleId: row.moduleId }));
}

/** The mode most of the failed rows suggest, else null (keep the mode they had). */
export function suggestedRetryMode(rows: readonly ImportErrorEntry[]): ImportMode | null {
  const votes = new Map<ImportMode, number>();
  for (const row of rows) {
    const mode = retryModeForCode(row.errorCode);
    if (mode) votes.set(mode, (votes.get(mode) ?? 0) + 1);
  }
  let best: ImportMode | null = null;
  let bestVotes = 0;
  for (const [mode, count] of votes) if (count > bestVotes) [best, bestVotes] = [mode, count];
  return best;
}
