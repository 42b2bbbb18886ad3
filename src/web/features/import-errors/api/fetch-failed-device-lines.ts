import { apiPath, apiStream } from '../../../lib/api-client';
import { readTextLines } from '../../../lib/read-text-lines';

/**
 * The lines of the uploaded import file (devices.txt) for the failed ids: the exact records the
 * hub rejected, ready to send again. Fetched on demand (download or retry), not on page load.
 */
export async function fetchFailedDeviceLines(jobId: string, failedIds: ReadonlySet<string>, signal?: AbortSignal): Promise<string[]> {
  const response = await apiStream(apiPath('jobs', jobId, 'files', 'devices'), signal);
  const kept: string[] = [];
  await readTextLines(response, (lines) => {
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      try {
        const id = (JSON.parse(line) as { id?: unknown }).id;
        if (typeof id === 'string' && failedIds.has(id)) kept.push(line);
      } catch {
        // Not a device line; the hub reported it as 400012 without an id, so it cannot be joined.
      }
    }
  });
  return kept;
}
