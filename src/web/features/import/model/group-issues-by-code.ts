import type { ConversionReport, IssueCode, IssueSeverity } from '../../../../core/convert/types';
import { ISSUE_CODES } from '../../../../core/issues/issue-catalogue';
import { formatCount, plural } from '../../../lib/format';
import { meaningOfIssueCode } from './conversion-issue-meanings';

/** How many lines a group names before "and N more". */
export const LISTED_LINES = 20;

export interface IssueGroup {
  code: IssueCode;
  severity: IssueSeverity;
  /** Issues of this code in the whole file, exact even when the report's list was capped. */
  count: number;
  meaning: string;
  /** The first lines of the file with this issue (header = line 1), in file order, no repeats. */
  lines: number[];
  /**
   * Lines beyond `lines`. Exact unless the report's list was capped; then each issue left out of
   * the list counts as one line, which is what every row-level code gives (one issue a row).
   */
  moreLines: number;
  /** Notices about the whole file (line 0), such as an unmapped column: their own words. */
  fileNotices: string[];
  /** A row's own message, to show what the code looks like in this file. */
  example?: { line: number; message: string };
}

interface Accumulator {
  group: IssueGroup;
  seenLines: Set<number>;
  kept: number;
}

function newGroup(code: IssueCode, severity: IssueSeverity, meaning: string): Accumulator {
  return {
    group: { code, severity, count: 0, meaning, lines: [], moreLines: 0, fileNotices: [] },
    seenLines: new Set(),
    kept: 0,
  };
}

/**
 * One entry per issue code of one severity, most frequent first: what the review lists instead of
 * a sentence of messages. Reads the report's capped issue list once and its exact counts.
 */
export function groupIssuesByCode(
  report: Pick<ConversionReport, 'issues' | 'issueCounts'>,
  severity: IssueSeverity,
): IssueGroup[] {
  const byCode = new Map<IssueCode, Accumulator>();
  for (const issue of report.issues) {
    if (issue.severity !== severity) continue;
    let acc = byCode.get(issue.code);
    if (acc === undefined) {
      acc = newGroup(
        issue.code,
        severity,
        meaningOfIssueCode(issue.code)?.meaning ?? issue.message,
      );
      byCode.set(issue.code, acc);
    }
    acc.kept++;
    const { group } = acc;
    if (issue.line <= 0) {
      group.fileNotices.push(issue.message);
      continue;
    }
    group.example ??= { line: issue.line, message: issue.message };
    if (acc.seenLines.has(issue.line)) continue;
    acc.seenLines.add(issue.line);
    if (group.lines.length < LISTED_LINES) group.lines.push(issue.line);
    else group.moreLines++;
  }
  // A code whose every issue came after the cap is only in the counts: its severity and words
  // come from the table, and all its lines are "more".
  for (const code of ISSUE_CODES) {
    if (!report.issueCounts?.[code]) continue;
    const known = meaningOfIssueCode(code);
    if (!byCode.has(code) && known?.severity === severity)
      byCode.set(code, newGroup(code, severity, known.meaning));
  }
  const groups: IssueGroup[] = [];
  for (const { group, kept } of byCode.values()) {
    group.count = Math.max(kept, report.issueCounts?.[group.code] ?? 0);
    group.moreLines += group.count - kept;
    groups.push(group);
  }
  return groups.sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

// Consecutive lines read as a range, so 20 trimmed rows in a row are "lines 2–21", not 20 numbers.
function lineRuns(lines: readonly number[]): string[] {
  const runs: string[] = [];
  for (let i = 0; i < lines.length;) {
    let end = i;
    while (end + 1 < lines.length && lines[end + 1] === lines[end]! + 1) end++;
    runs.push(end > i ? `${lines[i]}–${lines[end]}` : `${lines[i]}`);
    i = end + 1;
  }
  return runs;
}

/** "line 4", "lines 8, 12", "lines 2–21, 30 and 5 more"; empty for whole-file notices only. */
export function describeGroupLines(group: Pick<IssueGroup, 'lines' | 'moreLines'>): string {
  const total = group.lines.length + group.moreLines;
  if (total === 0) return '';
  if (group.lines.length === 0) return `${plural(total, 'line', 'lines')}, not listed`;
  const listed = lineRuns(group.lines).join(', ');
  const word = total === 1 ? 'line' : 'lines';
  return group.moreLines > 0
    ? `${word} ${listed} and ${formatCount(group.moreLines)} more`
    : `${word} ${listed}`;
}

/** What the count in a group's title counts: lines of the file, or whole-file notices. */
export function describeGroupSize(group: IssueGroup): string {
  const lines = group.lines.length + group.moreLines;
  return lines > 0
    ? `on ${plural(lines, 'line', 'lines')}`
    : plural(group.count, 'notice', 'notices');
}
