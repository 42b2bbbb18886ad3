import { createExportParser } from '../../../core/registry';
import type { RegistryEntry } from '../../../core/registry';
import type { FromBrowseWorker, ToBrowseWorker } from './browse-messages';
import { buildRegistryCsv, buildRegistryNdjson } from './build-registry-download';
import { summarizeDevice } from './summarize-device';
import type { RegistryRow } from './summarize-device';

const FLUSH_ROWS = 2000;

/**
 * The registry browser's state inside the worker: every record's line text (for details and
 * downloads) and nothing parsed beyond the moment. Rows go out once per input chunk, so the page
 * shows records while the rest still streams in.
 */
export function createBrowseSession(post: (message: FromBrowseWorker) => void) {
  const parser = createExportParser();
  const decoder = new TextDecoder('utf-8');
  const texts: string[] = [];
  let bytesProcessed = 0;
  let pending: RegistryRow[] = [];

  // Rows leave in batches of at least FLUSH_ROWS (the first batch at once, so the table fills
  // early): a million rows in a few hundred messages rather than one per network chunk.
  function emit(entries: RegistryEntry[], final: boolean): void {
    for (const entry of entries) {
      texts.push(entry.text);
      pending.push(summarizeDevice(entry.device, texts.length - 1));
    }
    const first = texts.length === pending.length && pending.length > 0;
    if (!final && !first && pending.length < FLUSH_ROWS) return;
    post({ type: 'browse-rows', rows: pending, bytesProcessed });
    pending = [];
  }

  return function handle(message: ToBrowseWorker): void {
    switch (message.type) {
      case 'browse-chunk':
        bytesProcessed += message.bytes.byteLength;
        emit(parser.push(decoder.decode(message.bytes, { stream: true })), false);
        return;
      case 'browse-end': {
        const tail = decoder.decode();
        emit([...parser.push(tail), ...parser.end()], true);
        post({ type: 'browse-done', issues: parser.issues.issues, issueCounts: parser.issues.counts, lines: parser.lineCount, records: texts.length });
        return;
      }
      case 'browse-line': {
        const text = texts[message.index];
        if (text === undefined) post({ type: 'browse-failed', requestId: message.requestId, message: `No record ${message.index}.` });
        else post({ type: 'browse-line-done', requestId: message.requestId, text });
        return;
      }
      case 'browse-download': {
        const file = message.format === 'csv' ? buildRegistryCsv(texts, message.indices) : buildRegistryNdjson(texts, message.indices);
        post({ type: 'browse-download-done', requestId: message.requestId, file });
        return;
      }
    }
  };
}
