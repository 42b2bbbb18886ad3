import type { ExportImportDevice } from '../model/export-import-device';
import type { IssueList } from './issue-list';
import type { RegistryEntry } from './registry-types';

const OPEN_BRACE = 123;

/**
 * Parses one non-blank, non-comment line; reports and returns undefined when it is not a usable
 * device line.
 */
export function parseExportLine(
  text: string,
  line: number,
  issues: IssueList,
): RegistryEntry | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Never echo the parser's message: V8 quotes the text around the error, which can be a key.
    issues.add(line, 'invalid-json', 'error', `line ${line} is not valid JSON`);
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.add(line, 'not-an-object', 'error', `line ${line} is not a JSON object`);
    return undefined;
  }
  const device = value as ExportImportDevice;
  if (typeof device.id !== 'string' || device.id.length === 0) {
    issues.add(line, 'missing-id', 'error', `line ${line} has no "id" string`);
    return undefined;
  }
  const moduleId: unknown = device.moduleId;
  if (moduleId === undefined || moduleId === null) {
    return { id: device.id, line, text, device };
  }
  if (typeof moduleId !== 'string' || moduleId.length === 0) {
    issues.add(
      line,
      'invalid-module-id',
      'error',
      `line ${line} has a "moduleId" that is not a non-empty string`,
    );
    return undefined;
  }
  return { id: device.id, moduleId, line, text, device };
}

export function startsLikeJsonObject(text: string): boolean {
  if (text.charCodeAt(0) === OPEN_BRACE) return true;
  return text.trimStart().charCodeAt(0) === OPEN_BRACE;
}
