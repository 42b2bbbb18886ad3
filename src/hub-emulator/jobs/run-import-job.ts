import { applyImportOperation } from '../registry/apply-import-operation';
import { parseImportLine, type ImportOperation } from '../registry/import-operation';
import { orderOperations, type IndexedOperation } from '../registry/order-operations';
import { HUB_ERRORS } from '../http/hub-error';
import type { JobRecord } from './job-record';
import { DEFAULT_BLOB_NAME, IMPORT_ERRORS_BLOB } from './blob-clients';
import {
  effectiveBatchSize,
  progressOf,
  waitForPace,
  type JobEnv,
  type RunOutcome,
} from './job-env';
import { readLineBatches } from './read-line-batches';
import { writeImportErrorsLog } from './write-import-errors-log';
import { importConfigurations } from './import-configurations';

// Streams the input blob from the job's committed position and applies each batch of lines in one
// transaction that also records the new position, so a killed process resumes from the last
// committed batch and never leaves a device half written (docs/hub-emulator.md, Durability).
export async function runImportJob(job: JobRecord, env: JobEnv): Promise<RunOutcome> {
  const request = job.request;
  const blob = env
    .openContainer(request.inputBlobContainerUri ?? '', request)
    .getBlobClient(request.inputBlobName ?? DEFAULT_BLOB_NAME);
  job.totalBytes = (await blob.getProperties()).contentLength ?? 0;
  const startedAt = env.pacingTimer();
  let done = 0;
  if (job.position < job.totalBytes) {
    const download = await blob.download(job.position);
    const body = download.readableStreamBody as AsyncIterable<Buffer> | undefined;
    if (!body) throw new Error('The input blob download returned no body.');
    for await (const batch of readLineBatches(body, job.position, () => effectiveBatchSize(env))) {
      if (env.isCancelled()) return 'cancelled';
      const errors: string[] = [];
      const operations: IndexedOperation[] = [];
      batch.lines.forEach((line, index) => {
        const parsed = parseImportLine(line);
        if (parsed.ok) operations.push({ index, operation: parsed.operation });
        else
          errors.push(
            JSON.stringify({
              errorCode: HUB_ERRORS.DeserializationError.code,
              errorStatus: parsed.message,
            }),
          );
      });
      env.store.transaction(() => {
        const ctx = env.registry(env.clock());
        for (const { operation } of orderOperations(operations, true)) {
          const failure = applyImportOperation(operation, ctx);
          if (failure) errors.push(errorLine(operation, failure.errorName, failure.message));
        }
        if (errors.length > 0) env.store.appendJobErrors(job.jobId, errors);
        job.position = batch.endOffset;
        job.errorCount += errors.length;
        job.progress = progressOf(env, job.position, job.totalBytes);
        env.store.saveJob(job);
      });
      done += batch.lines.length;
      await waitForPace(env, startedAt, done);
    }
  }
  if (env.isCancelled()) return 'cancelled';
  if (request.includeConfigurations) await importConfigurations(job, env);
  await writeImportErrorsLog(
    job,
    env.store,
    env
      .openContainer(request.outputBlobContainerUri, request)
      .getBlockBlobClient(IMPORT_ERRORS_BLOB),
  );
  return 'completed';
}

// Key order deviceId, errorCode, errorStatus as in real logs
// (docs/reference/hub-wire-contract.md#recorded-traffic); moduleId is added for module lines (never
// observed; a choice in docs/hub-emulator.md).
function errorLine(
  operation: ImportOperation,
  errorName: keyof typeof HUB_ERRORS,
  message: string,
): string {
  const { deviceId, moduleId } = operation.input;
  const line: Record<string, unknown> = { deviceId };
  if (moduleId) line.moduleId = moduleId;
  line.errorCode = HUB_ERRORS[errorName].code;
  line.errorStatus = message;
  return JSON.stringify(line);
}
