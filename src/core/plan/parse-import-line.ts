import { parseImportMode, type ImportMode } from '../model/import-mode';
import { unquoteEtag } from '../model/unquote-etag';
import type { ImportLine, ParsedImportLine } from './import-line-types';
import { isObject, withoutVersionFields } from './identity-state';
import { readIdentityFields } from './read-identity-fields';
import { recoverLineKey } from './recover-line-key';

/**
 * The hub's reading of a line (docs/reference/hub-wire-contract.md#import-lines,
 * #import-error-log): what it cannot read is a 400012 line in importErrors.log. It follows the
 * emulator's documented rules: an absent importMode is createOrUpdate, enum values are
 * case-insensitive, unknown properties are ignored, `$metadata`/`$version` are dropped, and an
 * empty moduleId names the device. Messages never quote the line, which may hold keys.
 */
export function parseImportLine(text: string): ParsedImportLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return failed(text, 'the line is not valid JSON');
  }
  if (!isObject(value)) return failed(text, 'the line is not a JSON object');
  if (typeof value.id !== 'string' || value.id === '')
    return failed(text, 'the line has no "id" string');
  const moduleId = value.moduleId;
  if (moduleId !== undefined && moduleId !== null && typeof moduleId !== 'string')
    return failed(text, '"moduleId" is not a string');
  let mode: ImportMode = 'createOrUpdate';
  if (value.importMode !== undefined && value.importMode !== null) {
    const parsed =
      typeof value.importMode === 'string' ? parseImportMode(value.importMode) : undefined;
    if (parsed === undefined)
      return failed(text, `"importMode" ${JSON.stringify(value.importMode)} is not an import mode`);
    mode = parsed;
  }
  const line: ImportLine = { text, json: value, mode, id: value.id };
  if (typeof moduleId === 'string' && moduleId !== '') line.moduleId = moduleId;
  const problem = readIdentityFields(value, line) ?? readTwinSections(value, line);
  if (problem !== undefined) return failed(text, problem);
  const eTag = etagOf(value.eTag);
  if (eTag !== undefined) line.eTag = eTag;
  const twinETag = etagOf(value.twinETag);
  if (twinETag !== undefined) line.twinETag = twinETag;
  return { ok: true, line };
}

function readTwinSections(json: Record<string, unknown>, line: ImportLine): string | undefined {
  if (json.tags !== undefined && json.tags !== null) {
    if (!isObject(json.tags)) return '"tags" is not an object';
    line.tags = json.tags;
  }
  const properties = json.properties;
  if (properties === undefined || properties === null) return undefined;
  if (!isObject(properties)) return '"properties" is not an object';
  for (const name of ['desired', 'reported'] as const) {
    const section = properties[name];
    if (section === undefined || section === null) continue;
    if (!isObject(section)) return `"properties.${name}" is not an object`;
    line[name] = withoutVersionFields(section);
  }
  return undefined;
}

function etagOf(value: unknown): string | undefined {
  return typeof value !== 'string' || value === '' ? undefined : unquoteEtag(value);
}

function failed(text: string, message: string): ParsedImportLine {
  const key = recoverLineKey(text);
  if (key === undefined) return { ok: false, id: '', message };
  return key.moduleId === undefined
    ? { ok: false, id: key.id, message }
    : { ok: false, id: key.id, moduleId: key.moduleId, message };
}
