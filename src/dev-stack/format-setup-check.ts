import type { SetupCheckResponse } from '../contracts/api/setup-check';

// The start-up setup check on a developer's terminal: one line when all is well, else one line per
// finding with its fix (the page at /setup-check shows the same in full).
// With several hubs each hub's check is one run, named by its hub.
export function formatSetupCheck(result: SetupCheckResponse, hubId?: string): string[] {
  const name = hubId === undefined ? 'Setup check' : `Setup check (${hubId})`;
  const findings = result.checks.filter(
    (check) => check.status === 'problem' || check.status === 'warning',
  );
  if (findings.length === 0) {
    const passed = result.checks.filter((check) => check.status === 'ok').length;
    return [`${name}: ${passed} check${passed === 1 ? '' : 's'} passed`];
  }
  return findings.map(
    (check) =>
      `${name} ${check.status}: ${check.title}: ${check.summary}${check.fix ? ` Fix: ${check.fix}` : ''}`,
  );
}
