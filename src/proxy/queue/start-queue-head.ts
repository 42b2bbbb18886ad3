import type { ApiErrorCode } from '../../contracts/api/errors';
import type { Principal } from '../auth/bearer-verifier';
import { ApiError } from '../http/api-error';
import { callHub } from '../hub/hub-errors';
import type { ProxyLog } from '../http/request-log';
import { findActiveJob } from '../operations/active-job';
import type { ProxyContext } from '../operations/proxy-context';
import { startImport } from '../operations/start-import';
import { startQueuedExport } from '../operations/start-queued-export';
import { judgePreviousChunk } from './judge-previous-chunk';
import { keepLease } from './keep-lease';
import type { ReceivedMessage } from './message-queue';
import type { OperationQueue } from './operation-queue';
import { deleteQueueEntry, replaceQueueEntry } from './queue-entries';
import { withoutClaim, type StoredQueueEntry } from './queue-entry';
import { stopRun } from './stop-run';

// The worker's one step on the oldest waiting entry, whose message it holds: when the slot is free
// it claims the entry (If-Match), keeps the leases alive, starts the job through the idempotent
// start (start-import.ts or start-queued-export.ts: a second worker or a retry adopts the job,
// never makes another), and only once the job is recorded deletes the entry and then the message.

export interface HeadStep {
  context: ProxyContext;
  queue: OperationQueue;
  workerId: string;
  leaseSeconds: number;
  log: ProxyLog;
}

export type HeadOutcome = 'started' | 'waiting' | 'retry' | 'failed';

export interface HeadResult {
  outcome: HeadOutcome;
  /** The message with its latest pop receipt (each lease renewal changes it). */
  message: ReceivedMessage;
}

/** Failures another try cannot change: the entry is marked failed and stops holding the queue. */
const FINAL_CODES: readonly ApiErrorCode[] = [
  'OPERATION_NOT_FOUND',
  'UPLOAD_MISSING',
  'UPLOAD_EMPTY',
  'CONVERTED_FILE_MISMATCH',
  'START_UNCERTAIN',
  'HUB_STORAGE_REJECTED',
  'VALIDATION_FAILED',
];

export function claimIsFresh(entry: StoredQueueEntry, now: Date, leaseSeconds: number): boolean {
  const at = entry.row.claimedAt ? Date.parse(entry.row.claimedAt) : Number.NaN;
  return !Number.isNaN(at) && now.getTime() - at < leaseSeconds * 1000;
}

export async function startQueueHead(
  step: HeadStep,
  head: StoredQueueEntry,
  message: ReceivedMessage,
): Promise<HeadResult> {
  const { context, queue } = step;
  const now = context.now();
  // Another worker is starting it (it holds a duplicate message, or received this one before).
  if (head.row.state === 'starting' && claimIsFresh(head, now, step.leaseSeconds))
    return { outcome: 'waiting', message };
  // An abandoned claim is resumed even while a job runs: it may be the job that claim created.
  if (head.row.state === 'queued') {
    const active = findActiveJob(await callHub(() => context.hub.listJobs()));
    if (active) return { outcome: 'waiting', message };
    // A chunk of a run starts only if the chunk before it passed the run's stop rule.
    const verdict = await judgePreviousChunk(context, head.row);
    if (verdict.kind === 'wait') return { outcome: 'waiting', message };
    if (verdict.kind === 'stop') {
      const chunks = await stopRun(queue, head.row.runId ?? '', verdict.reason);
      step.log({
        level: 'info',
        msg: 'audit',
        type: 'audit',
        action: 'run.stop',
        who: { objectId: head.row.enqueuedByOid, name: head.row.enqueuedByName },
        operationId: head.row.operationId,
        result: 'ok',
        details: { runId: head.row.runId, chunks, reason: verdict.reason, worker: step.workerId },
      });
      await queue.messages.remove(message).catch(() => undefined);
      return { outcome: 'failed', message };
    }
  }
  const claimed = await replaceQueueEntry(
    queue.table,
    { ...head.row, state: 'starting', claimedBy: step.workerId, claimedAt: now.toISOString() },
    head.etag,
  );
  if (!claimed) return { outcome: 'waiting', message };
  const lease = await keepLease(queue, claimed, message, step.leaseSeconds, context.now);
  const principal: Principal = {
    name: head.row.enqueuedByName,
    username: '',
    objectId: head.row.enqueuedByOid,
    roles: ['admin' as const],
  };
  try {
    const started = await startEntry(context, principal, head);
    await lease.stop();
    audit(step, head, 'ok', started);
    await deleteQueueEntry(queue.table, queue.partitionKey, head.row.entryId);
    await queue.messages.remove(lease.message()).catch(() => undefined);
    return { outcome: 'started', message: lease.message() };
  } catch (error) {
    await lease.stop();
    const code: string = error instanceof ApiError ? error.code : 'INTERNAL';
    const final = (FINAL_CODES as readonly string[]).includes(code);
    const message = error instanceof ApiError ? error.message : 'The start failed unexpectedly.';
    const current = lease.entry();
    await replaceQueueEntry(
      queue.table,
      final
        ? {
            ...withoutClaim(current.row),
            state: 'failed',
            failureCode: code,
            failureMessage: message,
          }
        : { ...withoutClaim(current.row), state: 'queued' },
      current.etag,
    );
    if (final) {
      audit(step, head, 'failed', { code });
      await queue.messages.remove(lease.message()).catch(() => undefined);
      return { outcome: 'failed', message: lease.message() };
    }
    step.log({
      level: 'warn',
      msg: 'queued start failed; it is tried again',
      code,
      entryId: head.row.entryId,
      operationId: head.row.operationId,
    });
    return { outcome: 'retry', message: lease.message() };
  }
}

/** What the audit line of a started entry records: the job, and for an import the file's hash. */
type StartedFacts = {
  jobId?: string | undefined;
  fileSha256?: string | undefined;
  outcome: string;
};

async function startEntry(
  context: ProxyContext,
  principal: Principal,
  head: StoredQueueEntry,
): Promise<StartedFacts> {
  if (head.row.kind === 'export') {
    const started = await startQueuedExport(context, principal, head.row.operationId);
    return { jobId: started.job.jobId ?? undefined, outcome: started.outcome };
  }
  const started = await startImport(context, principal, head.row.operationId);
  return {
    jobId: started.response.job.jobId ?? undefined,
    fileSha256: started.convertedSha256,
    outcome: started.outcome,
  };
}

function audit(
  step: HeadStep,
  head: StoredQueueEntry,
  result: 'ok' | 'failed',
  facts: { jobId?: string | undefined; fileSha256?: string | undefined; [key: string]: unknown },
): void {
  const { jobId, fileSha256, ...details } = facts;
  step.log({
    level: 'info',
    msg: 'audit',
    type: 'audit',
    action: head.row.kind === 'export' ? 'export.start' : 'import.start',
    who: { objectId: head.row.enqueuedByOid, name: head.row.enqueuedByName },
    operationId: head.row.operationId,
    ...(jobId ? { jobId } : {}),
    ...(fileSha256 ? { fileSha256 } : {}),
    result,
    details: { ...details, queued: true, entryId: head.row.entryId, worker: step.workerId },
  });
}
