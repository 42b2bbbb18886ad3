import type { RegistryIssue, RegistryIssueCode, RegistryIssueSeverity } from './registry-types';

export const DEFAULT_MAX_ISSUES = 1000;

/**
 * Keeps the first `max` issues but counts every one, so a file of garbage cannot grow memory
 * without bound.
 */
export class IssueList {
  readonly issues: RegistryIssue[] = [];
  readonly counts: Partial<Record<RegistryIssueCode, number>> = {};

  constructor(private readonly max: number = DEFAULT_MAX_ISSUES) {}

  add(
    line: number,
    code: RegistryIssueCode,
    severity: RegistryIssueSeverity,
    message: string,
  ): void {
    this.counts[code] = (this.counts[code] ?? 0) + 1;
    if (this.issues.length < this.max) this.issues.push({ line, code, severity, message });
  }
}
