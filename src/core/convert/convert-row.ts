import {
  IDENTITY_IMPORT_MODES,
  IMPORT_MODES,
  parseImportMode,
  type ImportMode,
} from '../model/import-mode';
import type { DeviceStatus } from '../model/export-import-device';
import { unquoteEtag } from '../model/unquote-etag';
import { encodeBase64 } from './base64';
import { csvCell } from './csv/csv-cell';
import { resolveAuthentication } from './resolve-authentication';
import { checkDeviceId, checkModuleId } from './validate-device-id';
import { checkTwin } from './check-twin';
import { writeImportLine, type LineValues } from './write-import-line';
import type { DuplicateIndex } from './duplicate-index';
import type { OutputBytes } from './output-bytes';
import type { ReportBuilder } from './report-builder';
import type { RowDraft } from './row-draft';
import type { ConvertOptions } from './types';
import type { IssueCodeOf } from '../issues/issue-catalogue';

// Modes that may overwrite an existing device: without keys the hub generates new ones and the
// device loses its connection (docs/reference/hub-wire-contract.md#keys-on-update).
const OVERWRITING_MODES = new Set<ImportMode>([
  'createOrUpdate',
  'createOrUpdateIfMatchETag',
  'update',
  'updateIfMatchETag',
]);
const NEEDS_ETAG = new Set<ImportMode>([
  'updateIfMatchETag',
  'createOrUpdateIfMatchETag',
  'deleteIfMatchETag',
]);

export interface RowContext {
  options: ConvertOptions;
  report: ReportBuilder;
  /** First row of each id (+ moduleId), for duplicate detection. */
  seen: DuplicateIndex;
  randomBytes: ((length: number) => Uint8Array) | undefined;
  /** The import NDJSON of the current chunk, as UTF-8. */
  output: OutputBytes;
  keyLines: string[];
}

const CANONICAL_MODES: ReadonlyMap<string, ImportMode> = new Map(IMPORT_MODES.map((m) => [m, m]));

// Returns the module's own string constants, never the cell's string: constants are internalized
// with cached hashes, which keeps the Set lookups and counters below cheap at a million rows.
function parseMode(raw: string): ImportMode | undefined {
  return CANONICAL_MODES.get(raw) ?? parseImportMode(raw);
}

function parseStatus(raw: string): DeviceStatus | undefined {
  if (raw === 'enabled') return 'enabled';
  if (raw === 'disabled') return 'disabled';
  const lower = raw.toLowerCase();
  return lower === 'enabled' || lower === 'disabled' ? lower : undefined;
}

function parseBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value !== 'string') return undefined;
  const lower = value.trim().toLowerCase();
  if (lower === 'true' || lower === 'yes' || lower === '1') return true;
  if (lower === 'false' || lower === 'no' || lower === '0' || lower === '') return false;
  return undefined;
}

function parseScopes(value: unknown): string[] | undefined | null {
  if (value === undefined) return undefined;
  if (Array.isArray(value))
    return value.every((s) => typeof s === 'string') ? (value as string[]) : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text.startsWith('[')) {
    try {
      return parseScopes(JSON.parse(text) as unknown) ?? null;
    } catch {
      return null;
    }
  }
  return [text];
}

// A plain function rather than a per-row closure: this runs a million times.
function fail(
  report: ReportBuilder,
  line: number,
  row: number,
  field: string,
  code: IssueCodeOf<'error'>,
  message: string,
): 1 {
  report.add(line, row, field, code, message);
  return 1;
}

function trimIds(d: RowDraft, line: number, row: number, report: ReportBuilder): void {
  for (const field of ['id', 'moduleId'] as const) {
    const value = d[field];
    if (value === undefined) continue;
    const trimmed = value.trim();
    if (trimmed === value) continue;
    d[field] = trimmed;
    report.add(line, row, field, 'ID_TRIMMED', `spaces around the ${field} were removed`);
  }
}

// One key of two: the hub takes both or neither (docs/reference/hub-wire-contract.md#limits).
function fixOneKey(
  ctx: RowContext,
  d: RowDraft,
  line: number,
  row: number,
  fix: 'generate-other' | 'hub-generates-both',
): boolean {
  const hasPrimary = d.primaryKey !== undefined;
  if (hasPrimary === (d.secondaryKey !== undefined)) return false;
  if (d.primaryThumbprint !== undefined || d.secondaryThumbprint !== undefined) return false;
  const given = hasPrimary ? 'primaryKey' : 'secondaryKey';
  const missing = hasPrimary ? 'secondaryKey' : 'primaryKey';
  if (fix === 'generate-other' && ctx.randomBytes !== undefined) {
    d[missing] = encodeBase64(ctx.randomBytes(32));
    ctx.report.add(
      line,
      row,
      missing,
      'KEY_GENERATED',
      `${missing} was missing and was generated here; it is in the keys file`,
    );
    return true;
  }
  d.primaryKey = undefined;
  d.secondaryKey = undefined;
  ctx.report.add(
    line,
    row,
    given,
    'KEY_DROPPED',
    `only ${given} was given; it is not used and the hub generates both keys`,
  );
  return false;
}

/**
 * Validates one record and, when it is valid, appends its canonical import line. Never throws per
 * row.
 */
export function convertRow(ctx: RowContext, d: RowDraft, line: number, row: number): void {
  const { options, report } = ctx;
  let errors = 0;
  if (options.trimIds === true) trimIds(d, line, row, report);
  const id = d.id;
  if (id === undefined || id === '')
    errors += fail(report, line, row, 'id', 'ID_MISSING', 'the device id is empty');
  else {
    const check = checkDeviceId(id);
    if (check === 'plus-or-hash') {
      if (options.strictIds)
        errors += fail(
          report,
          line,
          row,
          'id',
          'ID_INVALID',
          'the id contains "+" or "#", which the IoT Hub docs call unsupported',
        );
      else
        report.add(
          line,
          row,
          'id',
          'ID_PLUS_OR_HASH',
          'the id contains "+" or "#": the live hub accepts them but the docs call them unsupported',
        );
    } else if (check === 'too-long')
      errors += fail(
        report,
        line,
        row,
        'id',
        'ID_TOO_LONG',
        `the id has ${id.length} characters; the limit is 128`,
      );
    else if (check !== 'ok')
      errors += fail(
        report,
        line,
        row,
        'id',
        'ID_INVALID',
        id.trim() !== id && checkDeviceId(id.trim()) === 'ok'
          ? 'the id has spaces around it; choose "trim spaces around ids" to fix every such row'
          : "the id may only contain ASCII letters, digits and - . % _ * ? ! ( ) , : = @ $ '",
      );
    // Named by its line, the number the review table and the CLI show, not by its record number.
    const first = ctx.seen.firstLineOrAdd(id, d.moduleId, line);
    if (first !== 0)
      errors += fail(
        report,
        line,
        row,
        'id',
        'DUPLICATE_ID',
        `the same ${d.moduleId === undefined ? 'id' : 'id and moduleId'} is already on line ${first}`,
      );
  }
  if (d.moduleId !== undefined) {
    const check = checkModuleId(d.moduleId);
    if (check === 'reserved')
      errors += fail(
        report,
        line,
        row,
        'moduleId',
        'MODULE_ID_RESERVED',
        'module ids starting with "$" are reserved for the hub',
      );
    else if (check !== 'ok')
      errors += fail(
        report,
        line,
        row,
        'moduleId',
        'MODULE_ID_INVALID',
        'the module id is empty, longer than 128 characters or has characters the hub refuses',
      );
  }
  const mode = d.importMode === undefined ? options.defaultMode : parseMode(d.importMode);
  if (mode === undefined)
    errors += fail(
      report,
      line,
      row,
      'importMode',
      'IMPORT_MODE_INVALID',
      `importMode "${d.importMode}" is not one of the nine hub modes`,
    );
  const status = d.status === undefined ? options.defaultStatus : parseStatus(d.status);
  if (status === undefined)
    errors += fail(
      report,
      line,
      row,
      'status',
      'STATUS_INVALID',
      `status "${d.status}" is neither enabled nor disabled`,
    );
  if (d.statusReason !== undefined && d.statusReason.length > 128)
    errors += fail(
      report,
      line,
      row,
      'statusReason',
      'STATUS_REASON_TOO_LONG',
      `statusReason has ${d.statusReason.length} characters; the limit is 128`,
    );
  const eTag = d.eTag === undefined ? undefined : unquoteEtag(d.eTag);
  if (mode !== undefined && NEEDS_ETAG.has(mode) && !eTag)
    errors += fail(
      report,
      line,
      row,
      'eTag',
      'ETAG_REQUIRED',
      `mode ${mode} needs the device eTag`,
    );
  if (mode === 'updateTwinIfMatchETag' && !d.twinETag)
    errors += fail(
      report,
      line,
      row,
      'twinETag',
      'TWIN_ETAG_REQUIRED',
      'mode updateTwinIfMatchETag needs the twinETag',
    );
  const iotEdge = d.iotEdge === undefined ? undefined : parseBoolean(d.iotEdge);
  if (d.iotEdge !== undefined && iotEdge === undefined)
    errors += fail(
      report,
      line,
      row,
      'iotEdge',
      'IOT_EDGE_INVALID',
      'iotEdge must be true or false',
    );
  const parentScopes = parseScopes(d.parentScopes);
  if (parentScopes === null)
    errors += fail(
      report,
      line,
      row,
      'parentScopes',
      'PARENT_SCOPES_INVALID',
      'parentScopes must be a scope string or a JSON array of strings',
    );
  if (d.cellError)
    errors += fail(report, line, row, d.cellError.field, d.cellError.code, d.cellError.message);
  if (checkTwin(d, line, row, report)) errors++;
  let auth: LineValues['auth'];
  let generated = false;
  let completed = false;
  let keysWillChange = false;
  if (mode !== undefined && IDENTITY_IMPORT_MODES.has(mode)) {
    if (options.oneKeyFix !== undefined && options.oneKeyFix !== 'refuse')
      completed = fixOneKey(ctx, d, line, row, options.oneKeyFix);
    const resolved = resolveAuthentication(d);
    if (typeof resolved === 'object')
      errors += fail(report, line, row, resolved.field, resolved.code, resolved.message);
    else if (resolved !== 'keys-missing') auth = resolved;
    else {
      generated = options.keyPolicy === 'generate-here' && ctx.randomBytes !== undefined;
      keysWillChange = OVERWRITING_MODES.has(mode);
    }
  }
  if (d.hasReported)
    report.add(
      line,
      row,
      'properties.reported',
      'REPORTED_IGNORED',
      'reported properties are not written: the hub does not take them on import',
    );
  if (errors > 0 || mode === undefined || status === undefined || id === undefined) {
    report.invalid++;
    return;
  }
  // Only a row that goes to the hub can change a device's keys: a refused row is not counted.
  if (keysWillChange)
    report.add(
      line,
      row,
      'authentication',
      'KEYS_WILL_CHANGE',
      generated
        ? `mode ${mode} without keys: keys generated here replace the device's keys if it exists, and it loses its connection`
        : `mode ${mode} without keys: the hub generates new keys if the device exists, and it loses its connection`,
    );
  if (generated || completed) {
    if (generated) {
      d.primaryKey = encodeBase64(ctx.randomBytes!(32));
      d.secondaryKey = encodeBase64(ctx.randomBytes!(32));
      auth = 'sas';
    }
    // A base64 key may start with +, which a spreadsheet runs as a formula: every cell is guarded.
    ctx.keyLines.push(
      [id, d.moduleId ?? '', d.primaryKey ?? '', d.secondaryKey ?? '']
        .map((c) => csvCell(c))
        .join(','),
    );
    report.generatedKeys++;
  }
  ctx.output.text(
    writeImportLine(id, d, {
      mode,
      status,
      eTag,
      auth,
      iotEdge,
      parentScopes: parentScopes ?? undefined,
    }),
  );
  report.countValid(mode, status);
}
