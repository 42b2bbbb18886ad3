import { Readable } from 'node:stream';
import type { JobRecord } from './job-record';
import { CONFIGURATIONS_BLOB, DEFAULT_BLOB_NAME } from './blob-clients';
import { progressOf, type JobEnv, type RunOutcome } from './job-env';
import { renderConfigurationExportLine } from './configuration-export-line';

// Exports every device and module with its twin as CRLF-terminated ExportImportDevice lines
// (docs/reference/hub-wire-contract.md#export-blob). Exports are not resumed mid-way: after a
// restart the job starts over, which rewrites the whole blob.
const PAGE = 5000;
// The live hub starts a keyless export with a plain-text line whose text is unknown
// (docs/reference/hub-wire-contract.md#export-blob); readers skip lines that do not start with `{`.
export const EXCLUDED_KEYS_NOTICE =
  'Keys are excluded from this export (excludeKeysInExport=true); authentication is null on every line.';

class ExportCancelled extends Error {}

export async function runExportJob(job: JobRecord, env: JobEnv): Promise<RunOutcome> {
  const request = job.request;
  const container = env.openContainer(request.outputBlobContainerUri, request);
  const total = env.store.identityCount();
  async function* chunks(): AsyncGenerator<Buffer> {
    if (request.excludeKeysInExport) yield Buffer.from(`${EXCLUDED_KEYS_NOTICE}\r\n`);
    let after: { deviceId: string; moduleId: string } | undefined;
    let done = 0;
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (env.isCancelled()) throw new ExportCancelled();
      const page = env.store.scanExportLines(after, PAGE, request.excludeKeysInExport);
      if (page.lines.length === 0) return;
      after = page.last;
      done += page.lines.length;
      job.progress = progressOf(env, done, total);
      yield Buffer.from(`${page.lines.join('\r\n')}\r\n`);
    }
  }
  try {
    await container
      .getBlockBlobClient(request.outputBlobName ?? DEFAULT_BLOB_NAME)
      .uploadStream(Readable.from(chunks()), 8 * 1024 * 1024, 2);
  } catch (error) {
    if (error instanceof ExportCancelled || env.isCancelled()) return 'cancelled';
    throw error;
  }
  if (request.includeConfigurations) {
    const text = env.store
      .listConfigurations()
      .map((c) => `${renderConfigurationExportLine(c)}\r\n`)
      .join('');
    await container
      .getBlockBlobClient(request.configurationsBlobName ?? CONFIGURATIONS_BLOB)
      .upload(text, Buffer.byteLength(text));
  }
  return env.isCancelled() ? 'cancelled' : 'completed';
}
