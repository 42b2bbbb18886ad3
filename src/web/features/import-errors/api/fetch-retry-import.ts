import { RetryImportBuilder } from '../../../../core/retry/build-retry-import';
import type { RetryImportResult, RetryTarget } from '../../../../core/retry/build-retry-import';
import type { ImportMode } from '../../../../core/model/import-mode';
import { apiPath, apiStream } from '../../../lib/api-client';
import { readStreamText } from '../../../lib/streams/read-stream-text';

/**
 * Streams the uploaded import file (devices.txt) through core's retry builder: the exact records
 * the hub rejected, rewritten for `mode`. Fetched on demand (download or retry), not on page load.
 */
export async function fetchRetryImport(
  jobId: string,
  targets: readonly RetryTarget[],
  mode: ImportMode,
  signal?: AbortSignal,
): Promise<RetryImportResult> {
  const response = await apiStream(apiPath('jobs', jobId, 'files', 'devices'), signal);
  const builder = new RetryImportBuilder(targets, mode);
  if (!response.body) {
    builder.push(await response.text());
    return builder.end();
  }
  await readStreamText(response.body, (text) => builder.push(text), signal ? { signal } : {});
  return builder.end();
}
