import type {
  AuthenticationType,
  DeviceStatus,
  TwinCollection,
} from '../model/export-import-device';
import { parseImportMode, type ImportMode } from '../model/import-mode';
import { isObject, parseAuthType, parseStatus, withoutVersionFields } from './identity-state';
import { readLineKey } from './read-line-key';

/** An authentication block as a line gives it; absent keys are null ("let the hub mint them"). */
export interface AuthInput {
  type?: AuthenticationType;
  primaryKey: string | null;
  secondaryKey: string | null;
  primaryThumbprint: string | null;
  secondaryThumbprint: string | null;
}

/** One import line as the hub reads it. `undefined` fields are absent from the line. */
export interface ImportLine {
  text: string;
  json: Record<string, unknown>;
  mode: ImportMode;
  id: string;
  moduleId?: string;
  eTag?: string;
  twinETag?: string;
  status?: DeviceStatus;
  statusReason?: string | null;
  authentication?: AuthInput | null;
  iotEdge?: boolean;
  deviceScope?: string | null;
  parentScopes?: string[];
  tags?: TwinCollection;
  desired?: TwinCollection;
  reported?: TwinCollection;
}

export type ParsedImportLine =
  { ok: true; line: ImportLine } | { ok: false; id: string; moduleId?: string; message: string };

/**
 * The hub's reading of a line (docs/reference/hub-protocol.md §4, §5.2): what it cannot read is a
 * 400012 line in importErrors.log. It follows the emulator's documented rules: an absent
 * importMode is createOrUpdate, enum values are case-insensitive, unknown properties are ignored,
 * `$metadata`/`$version` are dropped, and an empty moduleId names the device. Messages never quote
 * the line, which may hold keys.
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

function readIdentityFields(json: Record<string, unknown>, line: ImportLine): string | undefined {
  if (json.status !== undefined && json.status !== null) {
    const status = parseStatus(json.status);
    if (status === undefined)
      return `"status" ${JSON.stringify(json.status)} is not enabled or disabled`;
    line.status = status;
  }
  if (json.statusReason !== undefined) {
    if (json.statusReason !== null && typeof json.statusReason !== 'string')
      return '"statusReason" is not a string';
    line.statusReason = json.statusReason;
  }
  const auth = json.authentication;
  if (auth === null) line.authentication = null;
  else if (auth !== undefined) {
    if (!isObject(auth)) return '"authentication" is not an object';
    const input = authInput(auth);
    if (typeof input === 'string') return input;
    line.authentication = input;
  }
  if (json.capabilities !== undefined && json.capabilities !== null) {
    if (!isObject(json.capabilities)) return '"capabilities" is not an object';
    line.iotEdge = json.capabilities.iotEdge === true;
  }
  if (typeof json.deviceScope === 'string' || json.deviceScope === null)
    line.deviceScope = json.deviceScope === '' ? null : json.deviceScope;
  if (Array.isArray(json.parentScopes))
    line.parentScopes = json.parentScopes.filter(
      (s): s is string => typeof s === 'string' && s !== '',
    );
  return undefined;
}

function authInput(auth: Record<string, unknown>): AuthInput | string {
  const input: AuthInput = {
    primaryKey: null,
    secondaryKey: null,
    primaryThumbprint: null,
    secondaryThumbprint: null,
  };
  if (auth.type !== undefined && auth.type !== null) {
    const type = parseAuthType(auth.type);
    if (type === undefined)
      return `"authentication.type" ${JSON.stringify(auth.type)} is not sas, selfSigned, certificateAuthority or none`;
    input.type = type;
  }
  if (isObject(auth.symmetricKey)) {
    input.primaryKey = stringOrNull(auth.symmetricKey.primaryKey);
    input.secondaryKey = stringOrNull(auth.symmetricKey.secondaryKey);
  }
  if (isObject(auth.x509Thumbprint)) {
    input.primaryThumbprint = stringOrNull(auth.x509Thumbprint.primaryThumbprint);
    input.secondaryThumbprint = stringOrNull(auth.x509Thumbprint.secondaryThumbprint);
  }
  return input;
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

/** Clients quote etags (C# SanitizeETag strips one pair): docs/reference/hub-protocol.md §4.1. */
function etagOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const trimmed = value.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1)
    : trimmed;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

// The same reading importErrors.log's parser gives a 400012 line's quoted text, so that a row and
// its error line name the same device even when the line was cut short.
const QUOTED_ID = /^\s*\{.*?"id"\s*:\s*"((?:[^"\\]|\\.)*)"/;
const QUOTED_MODULE = /^\s*\{.*?"moduleId"\s*:\s*"((?:[^"\\]|\\.)*)"/;

function recoveredKey(text: string): { id: string; moduleId?: string } | undefined {
  const key = readLineKey(text);
  if (key !== undefined) return key;
  const id = unescaped(QUOTED_ID.exec(text)?.[1]);
  if (id === undefined || id === '') return undefined;
  const moduleId = unescaped(QUOTED_MODULE.exec(text)?.[1]);
  return moduleId === undefined || moduleId === '' ? { id } : { id, moduleId };
}

function unescaped(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(`"${text}"`) as string;
  } catch {
    return text;
  }
}

function failed(text: string, message: string): ParsedImportLine {
  const key = recoveredKey(text);
  if (key === undefined) return { ok: false, id: '', message };
  return key.moduleId === undefined
    ? { ok: false, id: key.id, message }
    : { ok: false, id: key.id, moduleId: key.moduleId, message };
}
