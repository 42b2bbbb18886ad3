import { TERMINAL_JOB_STATUSES } from '../../contracts/api/jobs';
import { callHub } from '../hub/hub-errors';
import type { ProxyContext } from '../operations/proxy-context';
import { recordFinalStatuses } from '../operations/record-final-status';
import { startErrorCount } from '../operations/record-import-error-count';
import { toJobStatus } from '../operations/to-job';
import type { QueueEntryRow } from './queue-entry';

// The stop rule of a chunked import (docs/proxy.md, "Chunked imports"): before chunk k+1 starts,
// the worker looks at chunk k. Its end and its error-line count are normally recorded by the job
// monitor; without one (or before it has looked) the worker records them itself, so the rule never
// depends on a browser. More than the run's share of chunk k's rows in its error log, or a chunk
// k that failed, was cancelled or never started, stops the run.

export type ChunkVerdict = { kind: 'go' } | { kind: 'wait' } | { kind: 'stop'; reason: string };

export async function judgePreviousChunk(
  context: ProxyContext,
  entry: QueueEntryRow,
): Promise<ChunkVerdict> {
  const previousId = entry.previousOperationId;
  if (!previousId || !entry.chunk || entry.skipStopCheck) return { kind: 'go' };
  const k = entry.chunk - 1;
  let previous = await context.storage.readOperation(previousId);
  if (!previous) return { kind: 'stop', reason: `Chunk ${k} is gone.` };
  if (!previous.jobId) return { kind: 'stop', reason: `Chunk ${k} did not start.` };
  if (!previous.finalStatus) {
    const hubJob = await callHub(() => context.hub.getJob(previous?.jobId ?? ''));
    if (!TERMINAL_JOB_STATUSES.includes(toJobStatus(hubJob.status))) return { kind: 'wait' };
    await recordFinalStatuses(context, [
      { hubJob, operation: { operationId: previousId, metadata: previous } },
    ]);
    previous = await context.storage.readOperation(previousId);
    if (!previous?.finalStatus) return { kind: 'wait' };
  }
  if (previous.finalStatus !== 'completed')
    return {
      kind: 'stop',
      reason:
        `Chunk ${k} ${previous.finalStatus === 'failed' ? 'failed' : 'was cancelled'}` +
        (previous.failureReason ? `: ${previous.failureReason}` : '.'),
    };
  if (previous.errorLineCount === undefined) {
    await startErrorCount(context, previousId);
    previous = await context.storage.readOperation(previousId);
    if (previous?.errorLineCount === undefined) return { kind: 'wait' };
  }
  const rows = previous.rowCounts?.valid ?? 0;
  const errors = previous.errorLineCount;
  const percent = rows > 0 ? (errors / rows) * 100 : 0;
  const limit = entry.stopPercent ?? 100;
  if (percent > limit)
    return {
      kind: 'stop',
      reason:
        `More than ${limit}% of chunk ${k} failed: ${errors} of ${rows} rows ` +
        `(${Math.round(percent * 10) / 10}%).`,
    };
  return { kind: 'go' };
}
