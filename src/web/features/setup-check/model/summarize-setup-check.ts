import type { SetupCheckResponse, SetupCheckStatus } from '../../../../contracts/api';

// The page's headline: how many checks found a problem, first, since those stop imports.

export const STATUS_WORDS: Record<SetupCheckStatus, string> = {
  ok: 'OK',
  warning: 'Warning',
  problem: 'Problem',
  skipped: 'Skipped',
};

export function summarizeSetupCheck(result: SetupCheckResponse): {
  severity: 'success' | 'warning' | 'error';
  headline: string;
} {
  const count = (status: SetupCheckStatus) =>
    result.checks.filter((check) => check.status === status).length;
  const problems = count('problem');
  const warnings = count('warning');
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (problems > 0)
    return {
      severity: 'error',
      headline: `${plural(problems, 'problem')} found${warnings ? `, ${plural(warnings, 'warning')}` : ''}: fix ${problems === 1 ? 'it' : 'them'} before the next import.`,
    };
  if (warnings > 0)
    return { severity: 'warning', headline: `No problems; ${plural(warnings, 'warning')}.` };
  return { severity: 'success', headline: 'Every check passed.' };
}
