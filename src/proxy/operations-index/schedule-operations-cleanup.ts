import { cleanupExpiredBackups } from './cleanup-expired-backups';
import { cleanupExpiredOperations, type CleanupParts } from './cleanup-expired-operations';

// The proxy runs the cleanup at an interval (hourly by default): unstarted operations past their
// expiry, then backups past their retention. Several proxies may run it at the
// same time: every delete tolerates "already gone". A run never overlaps the previous one, and the
// timer does not keep the process alive.

export const DEFAULT_CLEANUP_INTERVAL_MINUTES = 60;

export interface CleanupSchedule {
  stop(): Promise<void>;
}

export function scheduleOperationsCleanup(
  parts: CleanupParts,
  options: { intervalMinutes: number; expiryHours: number },
  log: (entry: Record<string, unknown>) => void,
): CleanupSchedule {
  let running: Promise<void> | undefined;
  const run = (): void => {
    if (running) return;
    running = cleanupExpiredOperations(parts, options.expiryHours)
      .then(async ({ deleted, repaired }) => {
        if (deleted.length || repaired.length)
          log({ level: 'info', msg: 'expired operations cleaned up', deleted, repaired });
        const backups = await cleanupExpiredBackups(parts);
        if (backups.length) log({ level: 'info', msg: 'expired backups deleted', backups });
      })
      .catch((error: unknown) =>
        log({
          level: 'warn',
          msg: 'operations cleanup failed; the next run tries again',
          code: 'CLEANUP_FAILED',
          reason: error instanceof Error ? error.message : String(error),
        }),
      )
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(run, options.intervalMinutes * 60_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
