import type { ExportImportDevice } from '../model/export-import-device';
import { IDENTITY_IMPORT_MODES, type ImportMode } from '../model/import-mode';
import type { RowIssue } from '../convert/types';
import { createExportParser } from '../registry/create-export-parser';
import type { RegistryEntry } from '../registry/registry-types';

// "Retry failed rows": the converted import file (devices.txt) is the source of truth for what was
// sent; the failed rows are picked from it by id (+ moduleId) and written again with another mode.
// Fields the new mode does not use are dropped so the line means what the mode says.
const DELETE_MODES: ReadonlySet<ImportMode> = new Set(['delete', 'deleteIfMatchETag']);
const NEEDS_ETAG: ReadonlySet<ImportMode> = new Set([
  'updateIfMatchETag',
  'createOrUpdateIfMatchETag',
  'deleteIfMatchETag',
]);

export interface RetryTarget {
  deviceId: string;
  moduleId?: string | null;
}

export interface RetryImportResult {
  /** Import NDJSON of the selected rows, LF-terminated, canonical field order. */
  ndjson: string;
  matched: number;
  /** Targets not found in the import file (e.g. a log line without a device id). */
  missing: RetryTarget[];
  issues: RowIssue[];
}

export function retryKey(deviceId: string, moduleId?: string | null): string {
  return moduleId ? `${deviceId}\n${moduleId}` : deviceId;
}

/**
 * Rewrites one import record for `mode`, keeping the canonical field order of
 * docs/reference/hub-wire-contract.md sec. 4.1.
 */
export function retargetImportRecord(
  device: ExportImportDevice,
  mode: ImportMode,
): ExportImportDevice {
  const deleting = DELETE_MODES.has(mode);
  const identity = IDENTITY_IMPORT_MODES.has(mode);
  return {
    id: device.id,
    moduleId: device.moduleId,
    eTag: device.eTag,
    importMode: mode,
    status: device.status,
    statusReason: identity ? device.statusReason : undefined,
    authentication: identity ? device.authentication : undefined,
    twinETag: deleting ? undefined : device.twinETag,
    tags: deleting ? undefined : device.tags,
    properties: deleting ? undefined : device.properties,
    capabilities: identity ? device.capabilities : undefined,
    deviceScope: identity ? device.deviceScope : undefined,
    parentScopes: identity ? device.parentScopes : undefined,
  };
}

/**
 * Streaming builder: push chunks of the original import NDJSON, then end(). Its lines are read as
 * every export and import file is (core/registry/create-export-parser.ts); each record that matches
 * one of `targets` is rewritten with `mode`. Lines the parser cannot use match no target.
 */
export class RetryImportBuilder {
  private readonly wanted = new Map<string, RetryTarget>();
  private readonly found = new Set<string>();
  private readonly lines: string[] = [];
  private readonly issues: RowIssue[] = [];
  // The parser's own issues (broken lines) are not the retry's: it keeps none of them.
  private readonly parser = createExportParser({ maxIssues: 0 });

  constructor(
    targets: Iterable<RetryTarget>,
    private readonly mode: ImportMode,
  ) {
    for (const t of targets) this.wanted.set(retryKey(t.deviceId, t.moduleId), t);
  }

  push(chunk: string): void {
    for (const entry of this.parser.push(chunk)) this.take(entry);
  }

  end(): RetryImportResult {
    for (const entry of this.parser.end()) this.take(entry);
    const missing = [...this.wanted].filter(([key]) => !this.found.has(key)).map(([, t]) => t);
    return {
      ndjson: this.lines.map((l) => l + '\n').join(''),
      matched: this.lines.length,
      missing,
      issues: this.issues,
    };
  }

  private take({ device, line }: RegistryEntry): void {
    const key = retryKey(device.id, device.moduleId);
    if (!this.wanted.has(key) || this.found.has(key)) return;
    this.found.add(key);
    if (NEEDS_ETAG.has(this.mode) && !device.eTag) {
      this.issues.push({
        line,
        row: line,
        field: 'eTag',
        code: 'ETAG_REQUIRED',
        severity: 'error',
        message: `mode ${this.mode} needs the device eTag, which this row does not have`,
      });
      return;
    }
    if (this.mode === 'updateTwinIfMatchETag' && !device.twinETag) {
      this.issues.push({
        line,
        row: line,
        field: 'twinETag',
        code: 'TWIN_ETAG_REQUIRED',
        severity: 'error',
        message: 'mode updateTwinIfMatchETag needs the twinETag, which this row does not have',
      });
      return;
    }
    this.lines.push(JSON.stringify(retargetImportRecord(device, this.mode)));
  }
}

/** Whole-text convenience. */
export function buildRetryImport(
  importNdjson: string,
  targets: Iterable<RetryTarget>,
  mode: ImportMode,
): RetryImportResult {
  const builder = new RetryImportBuilder(targets, mode);
  builder.push(importNdjson);
  return builder.end();
}
