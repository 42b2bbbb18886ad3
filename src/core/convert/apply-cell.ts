import { FieldKind, type ColumnPlanEntry } from './column-plan';
import { parseTypedCell } from './parse-typed-cell';
import type { RowDraft } from './row-draft';
import { typedCellJson } from './json-text';
import { findKeyOrDepthProblem } from './validate-twin-collection';

function toText(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function setPath(root: Record<string, unknown>, segments: string[], value: unknown): void {
  let node = root;
  const last = segments.length - 1;
  for (let i = 0; i < last; i++) {
    const key = segments[i]!;
    const child = node[key];
    if (child !== null && typeof child === 'object' && !Array.isArray(child))
      node = child as Record<string, unknown>;
    else {
      const created: Record<string, unknown> = {};
      node[key] = created;
      node = created;
    }
  }
  node[segments[last]!] = value;
}

/**
 * A whole-JSON tags/desired cell: a JSON object, given as text (CSV) or as a value (JSON input).
 */
function toCollection(
  value: unknown,
  d: RowDraft,
  field: string,
): Record<string, unknown> | undefined {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value) as unknown;
    } catch {
      parsed = undefined;
    }
  }
  if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
    return parsed as Record<string, unknown>;
  d.cellError ??= { field, code: 'TWIN_NOT_AN_OBJECT', message: `${field} must be a JSON object` };
  return undefined;
}

/** Copies one non-empty cell into the draft. `value` is a string from CSV or any JSON value. */
export function applyCell(d: RowDraft, entry: ColumnPlanEntry, value: unknown): void {
  switch (entry.kind) {
    case FieldKind.none:
      return;
    case FieldKind.id:
      // Ids are not trimmed: a stray space is an error the admin should see, not a silent fix.
      d.id = typeof value === 'string' ? value : toText(value);
      return;
    case FieldKind.moduleId:
      d.moduleId = toText(value);
      return;
    case FieldKind.importMode:
      d.importMode = toText(value);
      return;
    case FieldKind.status:
      d.status = toText(value);
      return;
    case FieldKind.statusReason:
      d.statusReason = typeof value === 'string' ? value : toText(value);
      return;
    case FieldKind.authType:
      d.authType = toText(value);
      return;
    case FieldKind.primaryKey:
      d.primaryKey = toText(value);
      return;
    case FieldKind.secondaryKey:
      d.secondaryKey = toText(value);
      return;
    case FieldKind.primaryThumbprint:
      d.primaryThumbprint = toText(value);
      return;
    case FieldKind.secondaryThumbprint:
      d.secondaryThumbprint = toText(value);
      return;
    case FieldKind.eTag:
      d.eTag = toText(value);
      return;
    case FieldKind.twinETag:
      d.twinETag = toText(value);
      return;
    case FieldKind.deviceScope:
      d.deviceScope = toText(value);
      return;
    case FieldKind.iotEdge:
      d.iotEdge = value;
      return;
    case FieldKind.parentScopes:
      d.parentScopes = value;
      return;
    case FieldKind.reported:
    case FieldKind.reportedPath:
      d.hasReported = true;
      return;
    case FieldKind.tags: {
      const tags = toCollection(value, d, 'tags');
      if (tags) d.tags = d.tags ? Object.assign(tags, d.tags) : tags;
      d.tagsNeedKeyCheck = true;
      d.tagsEstimate += typeof value === 'string' ? value.length : Number.POSITIVE_INFINITY;
      return;
    }
    case FieldKind.desired: {
      const desired = toCollection(value, d, 'properties.desired');
      if (desired) d.desired = d.desired ? Object.assign(desired, d.desired) : desired;
      d.desiredNeedKeyCheck = true;
      d.desiredEstimate += typeof value === 'string' ? value.length : Number.POSITIVE_INFINITY;
      return;
    }
    case FieldKind.tagPath:
    case FieldKind.desiredPath: {
      const isTag = entry.kind === FieldKind.tagPath;
      // Reported once for the column (record-sink.ts); the conversion writes nothing meanwhile.
      if (entry.pathProblem !== undefined) return;
      const typed = typeof value === 'string' ? parseTypedCell(value) : value;
      if (typed !== null && typeof typed === 'object') {
        if (isTag) d.tagsNeedKeyCheck = true;
        else d.desiredNeedKeyCheck = true;
      }
      // Upper bound: JSON escaping writes at most 6 bytes per UTF-16 unit (\uXXXX).
      const estimate =
        entry.column.length +
        8 +
        (typeof value === 'string' ? value.length : Number.POSITIVE_INFINITY);
      if (isTag) {
        d.tags ??= {};
        setPath(d.tags, entry.segments, typed);
        d.tagsEstimate += estimate;
      } else {
        d.desired ??= {};
        setPath(d.desired, entry.segments, typed);
        d.desiredEstimate += estimate;
      }
      return;
    }
    case FieldKind.tagText:
    case FieldKind.desiredText: {
      const isTag = entry.kind === FieldKind.tagText;
      const text =
        entry.textKey! +
        (typeof value === 'string' ? cellJson(d, value, isTag) : JSON.stringify(value));
      if (isTag) d.tagsText = d.tagsText === '' ? text : d.tagsText + ',' + text;
      else d.desiredText = d.desiredText === '' ? text : d.desiredText + ',' + text;
      return;
    }
    default:
      return;
  }
}

// Only a cell starting with "{" or "[" can hold an object or array whose keys need checking; the
// others skip the callback, which would otherwise be a new closure for each of millions of cells.
function cellJson(d: RowDraft, cell: string, isTag: boolean): string {
  const first = cell.charCodeAt(0);
  return first === 123 || first === 91
    ? typedCellJson(cell, (v) => checkNested(d, v, isTag))
    : typedCellJson(cell, IGNORE_STRUCTURED);
}

const IGNORE_STRUCTURED = (): void => undefined;

// A JSON object in a flat twin column sits one level below the collection root.
function checkNested(d: RowDraft, value: object, isTag: boolean): void {
  const problem = findKeyOrDepthProblem(value, 2, false);
  if (problem === null) return;
  const field = isTag ? 'tags' : 'properties.desired';
  const message =
    problem.kind === 'bad-key'
      ? `${field} has the key "${problem.key}", which may not be empty or contain ".", "$" or spaces`
      : `${field} nests deeper than 10 levels`;
  d.cellError ??= {
    field,
    code: problem.kind === 'bad-key' ? 'TWIN_KEY_INVALID' : 'TWIN_TOO_DEEP',
    message,
  };
}
