import { ImportErrorLogParser } from '../../../../core/import-errors';
import type { ImportErrorEntry } from '../../../../core/import-errors';
import type { ReadProgress } from '../../../lib/read-text-lines';
import { responseTotalBytes } from '../../../lib/response-total-bytes';
import { readStreamBytes } from '../../../lib/streams/read-stream-bytes';
import { createErrorLogClient } from '../../../workers/error-log/error-log-client';

/**
 * The parsed log, with its device ids collected batch by batch (one big Set at the end would
 * block).
 */
export interface ErrorLog {
  entries: ImportErrorEntry[];
  deviceIds: Set<string>;
}

function collect(into: ErrorLog, batch: readonly ImportErrorEntry[]): void {
  for (const entry of batch) {
    into.entries.push(entry);
    if (entry.deviceId !== null) into.deviceIds.add(entry.deviceId);
  }
}

/**
 * Parses a streamed importErrors.log in a Web Worker: the page only moves bytes in and receives
 * small batches of entries, so a million-line log never blocks it. Without Worker support (or
 * without a body) it falls back to core's parser on this thread.
 */
export async function parseErrorLogResponse(
  response: Response,
  onProgress: (progress: ReadProgress) => void,
): Promise<ErrorLog> {
  const totalBytes = responseTotalBytes(response);
  if (typeof Worker === 'undefined' || !response.body)
    return parseHere(response, totalBytes, onProgress);
  const log: ErrorLog = { entries: [], deviceIds: new Set() };
  const client = createErrorLogClient((batch) => collect(log, batch));
  try {
    let bytesRead = 0;
    await readStreamBytes(response.body, (value) => {
      // The worker failed: end() below reports it; the rest of the log is not wanted.
      if (client.failure !== null) return false;
      bytesRead += value.byteLength;
      // A copy we own, so the transfer cannot detach a buffer the stream still uses.
      client.push(value.slice().buffer);
      onProgress({ bytesRead, totalBytes });
      return true;
    });
    await client.end();
    return log;
  } finally {
    client.close();
  }
}

async function parseHere(
  response: Response,
  totalBytes: number | null,
  onProgress: (progress: ReadProgress) => void,
): Promise<ErrorLog> {
  const text = await response.text();
  const parser = new ImportErrorLogParser();
  const log: ErrorLog = { entries: [], deviceIds: new Set() };
  collect(log, [...parser.push(text.replace(/^\uFEFF/, '')), ...parser.end()]);
  onProgress({ bytesRead: text.length, totalBytes });
  return log;
}
