import { IssueList } from './issue-list';
import { parseExportLine, startsLikeJsonObject } from './parse-export-line';

export type ExportRecordKind = 'device' | 'module' | 'none';

/**
 * What a record line of read-export-lines.ts counts as, for a count that must not parse a
 * million lines: most lines are devices without the text `"moduleId"` (or a `\u` escape that could
 * spell it) and are decided without parsing; the rest are read as the snapshot parser reads them
 * (parse-export-line.ts), so a tag or property named moduleId does not make a device a module.
 * A broken line that starts like an object still stands for a record (a device): the registry
 * browser reports it with its line number.
 */
export function exportRecordKind(text: string, line: number): ExportRecordKind {
  if (!startsLikeJsonObject(text)) return 'none';
  if (!text.includes('"moduleId"') && !text.includes('\\u')) return 'device';
  const entry = parseExportLine(text, line, new IssueList(0));
  return entry?.moduleId === undefined ? 'device' : 'module';
}
