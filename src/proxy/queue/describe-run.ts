import type { JobStatus } from '../../contracts/api/jobs';
import type { RunChunk, RunResponse } from '../../contracts/api/runs';
import { ApiError } from '../http/api-error';
import { callHub } from '../hub/hub-errors';
import type { ProxyContext } from '../operations/proxy-context';
import { recordFinalStatuses } from '../operations/record-final-status';
import { toJobStatus } from '../operations/to-job';
import type { OperationQueue } from './operation-queue';
import { listQueueEntries } from './queue-entries';
import { chunkIdsOf, readRunRow } from './run-record';

// GET /api/runs/{runId}: each chunk's place (queued, started, stopped, failed to start), its job's
// status and its error-line count, and the totals of the whole run. One point read per chunk from
// the operations index, one list of the queue, and the hub's job list only while a chunk's end or
// count is unrecorded (the job monitor's sighting when fresh).

export const runNotFound = (): ApiError =>
  new ApiError(404, 'RUN_NOT_FOUND', 'No such chunked import.');

export async function describeRun(
  context: ProxyContext,
  queue: OperationQueue,
  runId: string,
): Promise<RunResponse> {
  const run = await readRunRow(queue.table, queue.partitionKey, runId);
  if (!run) throw runNotFound();
  const ids = chunkIdsOf(run);
  const [entries, operations] = await Promise.all([
    listQueueEntries(queue.table, queue.partitionKey),
    Promise.all(ids.map((operationId) => context.index.byOperationId(operationId))),
  ]);
  const entryOf = new Map(
    entries
      .filter((entry) => entry.row.runId === runId)
      .map((entry) => [entry.row.operationId, entry.row]),
  );
  // A chunk whose end or error count is not recorded yet: this read records it, as a poll does
  // (record-final-status.ts), so the run's figures never wait for a browser on the job page.
  const unrecorded = operations.filter(
    (operation) =>
      operation?.metadata.jobId &&
      (!operation.metadata.finalStatus || operation.metadata.errorLineCount === undefined),
  );
  const hubJobs =
    unrecorded.length > 0
      ? (context.monitoredJobs?.() ?? (await callHub(() => context.hub.listJobs())))
      : [];
  await recordFinalStatuses(
    context,
    unrecorded.flatMap((operation) => {
      const hubJob = hubJobs.find((job) => job.jobId === operation?.metadata.jobId);
      return hubJob && operation ? [{ hubJob, operation }] : [];
    }),
  );
  const chunks = ids.map((operationId, index): RunChunk => {
    const metadata = operations[index]?.metadata;
    const entry = entryOf.get(operationId);
    const jobId = metadata?.jobId ?? null;
    const hubJob = jobId ? hubJobs.find((job) => job.jobId === jobId) : undefined;
    const jobStatus: JobStatus | null = metadata?.finalStatus
      ? metadata.finalStatus
      : hubJob
        ? toJobStatus(hubJob.status)
        : jobId
          ? 'unknown'
          : null;
    const state: RunChunk['state'] = entry
      ? entry.state === 'stopped'
        ? 'stopped'
        : entry.state === 'failed'
          ? 'failed-to-start'
          : 'queued'
      : jobId
        ? 'started'
        : 'failed-to-start';
    return {
      chunk: index + 1,
      operationId,
      rows: metadata?.rowCounts?.valid ?? 0,
      state,
      jobId,
      jobStatus,
      errorLineCount: metadata?.errorLineCount ?? null,
      reason:
        entry?.state === 'stopped'
          ? (entry.stopReason ?? null)
          : entry?.state === 'failed'
            ? (entry.failureMessage ?? null)
            : !entry && !jobId
              ? 'It left the queue without starting (removed from the queue).'
              : null,
    };
  });
  const ended = chunks.filter(
    (chunk) =>
      chunk.jobStatus !== null && ['completed', 'failed', 'cancelled'].includes(chunk.jobStatus),
  );
  return {
    runId: run.runId,
    sourceOperationId: run.sourceOperationId,
    fileName: run.fileName ?? null,
    chunkSize: run.chunkSize,
    stopPercent: run.stopPercent,
    createdAt: run.createdAt,
    createdBy: { name: run.createdByName, objectId: run.createdByOid },
    state: chunks.some((chunk) => chunk.state === 'stopped')
      ? 'stopped'
      : ended.length === chunks.length
        ? 'completed'
        : 'running',
    chunks,
    totals: {
      rows: chunks.reduce((sum, chunk) => sum + chunk.rows, 0),
      rowsDone: ended.reduce((sum, chunk) => sum + chunk.rows, 0),
      errorLines: chunks.reduce((sum, chunk) => sum + (chunk.errorLineCount ?? 0), 0),
    },
  };
}
