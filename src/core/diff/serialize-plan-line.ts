import { IMPORT_LINE_FIELDS, type ExportImportDevice } from '../model/export-import-device';

// The hub's own field order (IMPORT_LINE_FIELDS). Unknown fields are dropped: an import line
// carries only what the hub reads.

/** One NDJSON line (no line terminator) for an import file. */
export function serializePlanLine(device: ExportImportDevice): string {
  const ordered: Partial<Record<keyof ExportImportDevice, unknown>> = {};
  for (const field of IMPORT_LINE_FIELDS) {
    if (device[field] !== undefined) ordered[field] = device[field];
  }
  return JSON.stringify(ordered);
}

/** NDJSON text in pieces of `batch` lines each, for building a Blob without one giant string. */
export function* serializePlanLines(
  lines: Iterable<ExportImportDevice>,
  batch = 10_000,
): Generator<string> {
  let parts: string[] = [];
  for (const line of lines) {
    parts.push(serializePlanLine(line));
    if (parts.length >= batch) {
      yield parts.join('\n') + '\n';
      parts = [];
    }
  }
  if (parts.length > 0) yield parts.join('\n') + '\n';
}
