import type { PlanCommand } from './parse-plan-args';
import type { PlanRun } from './run-plan-passes';

const LISTED_ISSUES = 5;

/**
 * What stderr says beside a plan: registry lines skipped, the notices when stdout is JSON, and the
 * warning that the file as it is differs from the job file the plan describes.
 */
export function planProblems(cmd: PlanCommand, run: PlanRun, withNotices: boolean): string[] {
  const out: string[] = [];
  const problems = run.index.issues.filter((i) => i.severity !== 'notice');
  const total = Object.entries(run.index.issueCounts)
    .filter(([code]) => code !== 'leading-comment-line')
    .reduce((sum, [, n]) => sum + (n ?? 0), 0);
  if (total > 0) {
    out.push(`${cmd.registry}: ${total} lines skipped or replaced`);
    for (const issue of problems.slice(0, LISTED_ISSUES))
      out.push(`  line ${issue.line}: ${issue.code} ${issue.message}`);
  }
  if (withNotices)
    for (const notice of run.result.notices) out.push(`note (${notice.count}): ${notice.message}`);
  const kept = run.result.notices.find((n) => n.code === 'keys-kept')?.count ?? 0;
  if (kept > 0 && cmd.job === undefined && cmd.command === 'plan') {
    out.push(
      `note (${kept}): rows keep their keys only in the job file (--job <file>); importing ${cmd.input} as it is gives those devices new keys`,
    );
  }
  return out;
}
