import { RetryImportBuilder } from '../../../../core/retry/build-retry-import';
import type { RetryImportResult, RetryTarget } from '../../../../core/retry/build-retry-import';
import type { ImportMode } from '../../../../core/model/import-mode';
import { apiPath, apiStream } from '../../../lib/api-client';

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
  const reader = response.body.getReader();
  const decoder = new TextDecoder('utf-8');
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    builder.push(decoder.decode(value, { stream: true }));
  }
  builder.push(decoder.decode());
  return builder.end();
}
