import { ApiError } from '../http/api-error';
import { callHub } from '../hub/hub-errors';
import type { HubJobsClient } from '../hub/hub-jobs';
import type { IndexTable } from '../operations-index/index-table-client';
import { listPendingImportsSince } from '../operations-index/list-pending-imports';
import { claimSupportExport } from '../operations-index/support-export-claim';
import { findActiveJob } from './active-job';

// Support staff are read-only, but a key-less export is how they get a fresh snapshot. The hub has
// one job slot, so a support export must never take it from an admin: they are off unless the
// deployment turns them on, and then at most one per interval per hub, and never while an admin
// operation waits for the slot. "Waiting" is read as: a job is running on the hub (its end would
// free the slot to whoever asks first), an entry waits in the hub's queue, or an import was created
// and not started within the grace period (an admin is uploading and will start it).
// docs/proxy.md, "Support exports".

export interface SupportExportPolicy {
  enabled: boolean;
  /** At most one support export per this many seconds per hub; 600 by default. */
  intervalSeconds?: number;
  /** An unstarted import younger than this holds support exports back; 1800 by default. */
  adminGraceSeconds?: number;
}

export const SUPPORT_EXPORT_DEFAULTS = { intervalSeconds: 600, adminGraceSeconds: 1800 } as const;

export interface SupportExportGate {
  /** Throws the reason a support export may not start now; otherwise claims the interval. */
  admit(): Promise<{ release(): Promise<void> }>;
}

export interface SupportExportGateDeps {
  hub: HubJobsClient;
  table: IndexTable;
  partitionKey: string;
  now: () => Date;
  /** The operation of the oldest entry waiting in the hub's queue, if any (server.ts). */
  queuedOperation?: () => Promise<string | undefined>;
}

export function createSupportExportGate(
  deps: SupportExportGateDeps,
  policy: SupportExportPolicy,
): SupportExportGate {
  const intervalMs = 1000 * (policy.intervalSeconds ?? SUPPORT_EXPORT_DEFAULTS.intervalSeconds);
  const graceMs = 1000 * (policy.adminGraceSeconds ?? SUPPORT_EXPORT_DEFAULTS.adminGraceSeconds);
  return {
    async admit() {
      if (!policy.enabled)
        throw new ApiError(
          403,
          'SUPPORT_EXPORTS_DISABLED',
          'Exports by support staff are turned off on this console; ask an admin for an export.',
        );
      const active = findActiveJob(await callHub(() => deps.hub.listJobs()));
      if (active)
        throw new ApiError(
          409,
          'ADMIN_OPERATION_PENDING',
          'The hub is running a job; a support export waits until the hub is idle.',
          { activeJobId: active.jobId },
        );
      const queued = await deps.queuedOperation?.();
      if (queued)
        throw new ApiError(
          409,
          'ADMIN_OPERATION_PENDING',
          'An admin’s import is queued for the hub; a support export waits until it has run.',
          { pendingOperationId: queued },
        );
      const now = deps.now();
      const pending = await listPendingImportsSince(
        deps.table,
        deps.partitionKey,
        new Date(now.getTime() - graceMs),
      );
      if (pending[0])
        throw new ApiError(
          409,
          'ADMIN_OPERATION_PENDING',
          'An admin is preparing an import for the hub; try the export again later.',
          { pendingOperationId: pending[0].operationId },
        );
      const claim = await claimSupportExport(deps.table, deps.partitionKey, now, intervalMs);
      if (!claim.ok)
        throw new ApiError(
          429,
          'SUPPORT_EXPORT_TOO_SOON',
          'Support staff may start one export per hub every few minutes; try again later.',
          {
            retryAfterSeconds: Math.ceil(claim.retryAfterMs / 1000),
            lastSupportExportAt: claim.lastAt,
          },
        );
      return claim;
    },
  };
}
