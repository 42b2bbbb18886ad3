import type { ImportMode } from '../../core/model/import-mode';
import { parseImportMode } from '../../core/model/import-mode';
import type { IdentityInput } from '../model/identity-input';
import { isObject, parseIdentityFields, parseTwinSections } from '../model/parse-identity-json';
import { unquoteEtag } from '../../core/model/unquote-etag';
import { importLineKeys } from '../model/canonical-keys';

// One ExportImportDevice (an import line or a bulk item) parsed into what the registry applies.
export interface ImportOperation {
  mode: ImportMode;
  input: IdentityInput;
  eTag?: string;
  twinETag?: string;
}

export type ParsedOperation =
  { ok: true; operation: ImportOperation } | { ok: false; message: string };

export function parseImportObject(raw: unknown): ParsedOperation {
  if (!isObject(raw)) return { ok: false, message: 'Expected a JSON object.' };
  const json = importLineKeys(raw);
  if (typeof json.id !== 'string' || json.id === '')
    return { ok: false, message: "Required property 'id' not found in JSON." };
  if (json.moduleId !== undefined && json.moduleId !== null && typeof json.moduleId !== 'string') {
    return { ok: false, message: "Unexpected value for 'moduleId'." };
  }
  // An absent importMode means createOrUpdate (docs/reference/hub-wire-contract.md#line-fields).
  let mode: ImportMode = 'createOrUpdate';
  if (json.importMode !== undefined && json.importMode !== null) {
    const parsed =
      typeof json.importMode === 'string' ? parseImportMode(json.importMode) : undefined;
    if (!parsed)
      return {
        ok: false,
        message: `Error converting value ${JSON.stringify(json.importMode)} to type 'ImportMode'. Path 'importMode'.`,
      };
    mode = parsed;
  }
  const fields = parseIdentityFields(
    json,
    json.id,
    typeof json.moduleId === 'string' ? json.moduleId : '',
  );
  if (!fields.ok) return fields;
  const withTwin = parseTwinSections(json, fields.value);
  if (!withTwin.ok) return withTwin;
  const operation: ImportOperation = { mode, input: withTwin.value };
  if (typeof json.eTag === 'string' && json.eTag !== '') operation.eTag = unquoteEtag(json.eTag);
  if (typeof json.twinETag === 'string' && json.twinETag !== '')
    operation.twinETag = unquoteEtag(json.twinETag);
  return { ok: true, operation };
}

/**
 * Parses one import line; a failure becomes a 400012 line without deviceId
 * (docs/reference/hub-wire-contract.md#import-error-log, #recorded-traffic).
 */
export function parseImportLine(line: string): ParsedOperation {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    return {
      ok: false,
      message: `Invalid device format in line: ${line}. ${(error as Error).message}`,
    };
  }
  const parsed = parseImportObject(json);
  if (!parsed.ok)
    return { ok: false, message: `Invalid device format in line: ${line}. ${parsed.message}` };
  // A UTF-16 code unit is at most 3 UTF-8 bytes.
  parsed.operation.input.sourceBytesAtMost = line.length * 3;
  return parsed;
}
