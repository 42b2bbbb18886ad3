import { ImportErrorLogParser } from '../../../../core/import-errors';
import type { ImportErrorEntry } from '../../../../core/import-errors';
import type { ReadProgress } from '../../../lib/read-text-lines';
import { responseTotalBytes } from '../../../lib/response-total-bytes';
import { isFromErrorLogWorker } from '../../../../contracts/worker/error-log-messages';

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
  const worker = new Worker(
    new URL('../../../workers/error-log/error-log-worker.ts', import.meta.url),
    {
      type: 'module',
    },
  );
  const log: ErrorLog = { entries: [], deviceIds: new Set() };
  const finished = new Promise<ErrorLog>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<unknown>) => {
      const message = event.data;
      if (!isFromErrorLogWorker(message))
        return reject(new Error('Unexpected message from the error-log worker.'));
      if (message.type === 'failed') return reject(new Error(message.message));
      collect(log, message.entries);
      if (message.type === 'done') resolve(log);
      return undefined;
    };
    worker.onerror = (event) => reject(new Error(event.message || 'The error-log worker failed.'));
  });
  try {
    const reader = response.body.getReader();
    let bytesRead = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytesRead += value.byteLength;
      // A copy we own, so the transfer cannot detach a buffer the stream still uses.
      const bytes = value.slice().buffer;
      worker.postMessage({ type: 'bytes', bytes }, [bytes]);
      onProgress({ bytesRead, totalBytes });
    }
    worker.postMessage({ type: 'end' });
    return await finished;
  } finally {
    worker.terminate();
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
