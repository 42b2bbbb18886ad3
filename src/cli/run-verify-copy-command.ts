import { readFile } from 'node:fs/promises';
import { compareConfigurations } from '../core/bulk/compare-configurations';
import { describeCopyVerification, verifyCopy } from '../core/bulk/copy-verification';
import { diffRegistries } from '../core/diff';
import type { CliResult } from './cli-result';
import type { VerifyCopyCommand } from './parse-verify-copy-args';
import { readDiffInput } from './read-diff-input';

const LISTED = 20;

/** The `diff` of the two exports with its default options, read by core's copy verification. */
export async function runVerifyCopyCommand(cmd: VerifyCopyCommand): Promise<CliResult> {
  let verification;
  try {
    const [a, b] = [await readDiffInput(cmd.source), await readDiffInput(cmd.target)];
    const configurations = cmd.configurations
      ? compareConfigurations(
          await readFile(cmd.configurations.source, 'utf8'),
          await readFile(cmd.configurations.target, 'utf8'),
        )
      : undefined;
    verification = verifyCopy(diffRegistries(a.snapshot, b.snapshot), configurations);
  } catch (error) {
    return { exitCode: 2, stdout: '', stderr: (error as Error).message };
  }
  const exitCode = verification.ok ? 0 : 1;
  if (cmd.json) return { exitCode, stdout: JSON.stringify(verification), stderr: '' };
  const out = [describeCopyVerification(verification)];
  for (const d of verification.differences.slice(0, LISTED)) {
    const name = d.moduleId === undefined ? d.id : `${d.id}/${d.moduleId}`;
    out.push(`  ${d.kind.padEnd(7)} ${name}${d.fields.length ? `: ${d.fields.join(', ')}` : ''}`);
  }
  if (verification.differences.length > LISTED)
    out.push(`  … ${verification.differences.length - LISTED} more; use --json for all`);
  for (const d of verification.configurations?.differences ?? [])
    out.push(
      `  configuration ${d.kind.padEnd(7)} ${d.id}${d.fields.length ? `: ${d.fields.join(', ')}` : ''}`,
    );
  return { exitCode, stdout: out.join('\n'), stderr: '' };
}
