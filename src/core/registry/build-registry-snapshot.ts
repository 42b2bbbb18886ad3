import { createExportParser } from './create-export-parser';
import { deviceKey } from './device-key';
import type { IssueList } from './issue-list';
import type {
  RegistryEntry,
  RegistryRecord,
  RegistrySnapshot,
  RegistryStats,
} from './registry-types';

export interface SnapshotBuilder {
  push(chunk: string): void;
  finish(): RegistrySnapshot;
  /** Devices and modules kept so far, for progress. */
  readonly size: number;
}

/**
 * Parser + index in one: feed chunks, get a snapshot keyed by id + moduleId. When one input holds
 * the same id + moduleId twice, the later line wins, as it would in an import (lines apply in
 * order), and the earlier one is reported with both line numbers.
 */
export function createSnapshotBuilder(options: { maxIssues?: number } = {}): SnapshotBuilder {
  const parser = createExportParser(options);
  const records = new Map<string, RegistryRecord>();
  const stats: RegistryStats = {
    lines: 0,
    devices: 0,
    modules: 0,
    withKeys: 0,
    withoutAuthentication: 0,
    duplicates: 0,
    invalidLines: 0,
  };

  function add(entries: RegistryEntry[]): void {
    for (const entry of entries) {
      const key = deviceKey(entry.id, entry.moduleId);
      const record: RegistryRecord = { id: entry.id, line: entry.line, text: entry.text };
      if (entry.moduleId !== undefined) record.moduleId = entry.moduleId;
      const previous = records.get(key);
      if (previous !== undefined) {
        stats.duplicates++;
        const what =
          entry.moduleId === undefined
            ? `device "${entry.id}"`
            : `module "${entry.moduleId}" of device "${entry.id}"`;
        parser.issues.add(
          entry.line,
          'duplicate-device',
          'warning',
          `${what} appears again on line ${entry.line} (first on line ${previous.line}); the later line is used`,
        );
        untally(previous);
      }
      records.set(key, record);
      tally(entry);
    }
  }

  function tally(entry: RegistryEntry): void {
    if (entry.moduleId === undefined) stats.devices++;
    else stats.modules++;
    const auth = entry.device.authentication;
    if (auth === null || auth === undefined) stats.withoutAuthentication++;
    else if (auth.symmetricKey?.primaryKey || auth.symmetricKey?.secondaryKey) stats.withKeys++;
  }

  // Stats describe the kept records, so a replaced duplicate is taken back out by re-reading its
  // line.
  function untally(previous: RegistryRecord): void {
    if (previous.moduleId === undefined) stats.devices--;
    else stats.modules--;
    const auth = (JSON.parse(previous.text) as RegistryEntry['device']).authentication;
    if (auth === null || auth === undefined) stats.withoutAuthentication--;
    else if (auth.symmetricKey?.primaryKey || auth.symmetricKey?.secondaryKey) stats.withKeys--;
  }

  return {
    get size() {
      return records.size;
    },
    push(chunk) {
      add(parser.push(chunk));
    },
    finish() {
      add(parser.end());
      stats.lines = parser.lineCount;
      stats.invalidLines = countInvalid(parser.issues);
      // Duplicates are found after their batch was parsed; line order reads better in a report.
      const issues = [...parser.issues.issues].sort((x, y) => x.line - y.line);
      return { records, issues, issueCounts: parser.issues.counts, stats };
    },
  };
}

function countInvalid(issues: IssueList): number {
  const c = issues.counts;
  return (
    (c['invalid-json'] ?? 0) +
    (c['not-an-object'] ?? 0) +
    (c['missing-id'] ?? 0) +
    (c['invalid-module-id'] ?? 0)
  );
}

/** Whole-text convenience for tests and small files. */
export function parseRegistryText(text: string): RegistrySnapshot {
  const builder = createSnapshotBuilder();
  builder.push(text);
  return builder.finish();
}

/** Reads any (async) sequence of text chunks, e.g. a decoded file stream. */
export async function readRegistrySnapshot(
  chunks: AsyncIterable<string> | Iterable<string>,
  onProgress?: (records: number) => void,
): Promise<RegistrySnapshot> {
  const builder = createSnapshotBuilder();
  for await (const chunk of chunks) {
    builder.push(chunk);
    onProgress?.(builder.size);
  }
  return builder.finish();
}
