import { ISSUE_CATALOGUE, isIssueCode } from '../../../../core/issues/issue-catalogue';
import type { IssueSeverity } from '../../../../core/issues/issue-catalogue';

// What each conversion issue code means, in the admin's words, for the review's grouped lists, and
// the severity core gives it. The per-row message says what is wrong with that row; this says what
// the whole group is about and what to do, once. The words are core's catalogue
// (src/core/issues/issue-catalogue.ts), so every code core can give has them.

export interface IssueCodeMeaning {
  /** The severity core gives the code, so a code left out of a capped issue list still groups. */
  severity: IssueSeverity;
  meaning: string;
}

/** Undefined only for a string that is no code of core's (an issue count's key is a string). */
export function meaningOfIssueCode(code: string): IssueCodeMeaning | undefined {
  if (!isIssueCode(code)) return undefined;
  const entry = ISSUE_CATALOGUE[code];
  return { severity: entry.severity, meaning: `${entry.meaning} ${entry.whatToDo}` };
}
