import { diffRegistries, formatDiffJson, formatDiffSummary } from '../core/diff';
import type { RegistryDiff } from '../core/diff';
import type { RegistryIssue } from '../core/registry';
import type { DiffCommand } from './parse-diff-args';
import type { DiffInput } from './read-diff-input';
import { readDiffInput } from './read-diff-input';
import type { CliResult } from './cli-result';

const LISTED_CHANGES = 20;
const LISTED_ISSUES = 5;

/**
 * Output carries ids and field names only: core's JSON and summary never include a value, so a
 * changed key shows as `authentication.keys` and nothing more. File problems (bad lines,
 * duplicates) go to stderr, keeping stdout pure JSON with --json.
 */
export async function runDiffCommand(cmd: DiffCommand): Promise<CliResult> {
  let a: DiffInput;
  let b: DiffInput;
  try {
    a = await readDiffInput(cmd.a);
    b = await readDiffInput(cmd.b);
  } catch (error) {
    return { exitCode: 2, stdout: '', stderr: (error as Error).message };
  }
  const diff = diffRegistries(a.snapshot, b.snapshot, cmd.options);
  // The --json shape is fixed, so what could not be compared (keys-excluded exports) is said on
  // stderr.
  const notes = cmd.json ? diff.notices.map((n) => `note: ${n.message}`) : [];
  const stderr = [...inputProblems('A', cmd.a, a), ...inputProblems('B', cmd.b, b), ...notes].join(
    '\n',
  );
  const stdout = cmd.json ? formatDiffJson(diff) : readable(diff, cmd, a, b);
  return { exitCode: 0, stdout: stdout.replace(/\n$/, ''), stderr };
}

function readable(diff: RegistryDiff, cmd: DiffCommand, a: DiffInput, b: DiffInput): string {
  const out = [
    `A: ${cmd.a} (${describe(a)})`,
    `B: ${cmd.b} (${describe(b)})`,
    formatDiffSummary(diff).replace(/\n$/, ''),
  ];
  if (diff.changes.length > 0)
    out.push(
      `changes (A -> B)${diff.changes.length > LISTED_CHANGES ? `, first ${LISTED_CHANGES}` : ''}:`,
    );
  for (const change of diff.changes.slice(0, LISTED_CHANGES)) {
    const name = change.moduleId === undefined ? change.id : `${change.id}/${change.moduleId}`;
    out.push(
      `  ${change.kind.padEnd(7)} ${name}${change.fields.length > 0 ? `: ${change.fields.join(', ')}` : ''}`,
    );
  }
  if (diff.changes.length > LISTED_CHANGES)
    out.push(`  … ${diff.changes.length - LISTED_CHANGES} more; use --json for all`);
  return out.join('\n');
}

function describe(input: DiffInput): string {
  const { devices, modules } = input.snapshot.stats;
  const what = input.kind === 'export' ? 'export' : `${input.kind} device list, converted`;
  return `${what}: ${devices} devices, ${modules} modules`;
}

function inputProblems(side: string, path: string, input: DiffInput): string[] {
  const problems = input.snapshot.issues.filter((i) => i.severity !== 'notice');
  const total = Object.entries(input.snapshot.issueCounts)
    .filter(([code]) => code !== 'leading-comment-line')
    .reduce((sum, [, n]) => sum + (n ?? 0), 0);
  if (total === 0) return [];
  const lines = [`${side} ${path}: ${total} lines skipped or replaced`];
  for (const issue of problems.slice(0, LISTED_ISSUES))
    lines.push(`  line ${issue.line}: ${issue.code} ${safeMessage(issue)}`);
  if (total > LISTED_ISSUES) lines.push(`  … and ${total - LISTED_ISSUES} more`);
  return lines;
}

// V8's JSON.parse message may quote the broken line, and that line may hold a key.
function safeMessage(issue: RegistryIssue): string {
  return issue.code === 'invalid-json' ? `line ${issue.line} is not valid JSON` : issue.message;
}
