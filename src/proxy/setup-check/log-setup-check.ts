import type { SetupCheckResponse } from '../../contracts/api/setup-check';
import type { ProxyLog } from '../http/request-log';

// The start-up run's findings in the log, one line per check: a problem is a warning, never a
// reason to stop (a hub role still propagating must not keep the console down).
export function logSetupCheck(result: SetupCheckResponse, log: ProxyLog): void {
  for (const check of result.checks) {
    log({
      level: check.status === 'problem' ? 'warn' : 'info',
      msg: 'setup check',
      check: check.id,
      status: check.status,
      code: check.code,
      summary: check.summary,
      ...(check.fix ? { fix: check.fix } : {}),
    });
  }
}
