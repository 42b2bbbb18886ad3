/// <reference lib="webworker" />
import { ImportErrorLogParser } from '../../../core/import-errors';
import type { ImportErrorEntry } from '../../../core/import-errors';
import { isToErrorLogWorker } from '../../../contracts/worker/error-log-messages';
import type { FromErrorLogWorker } from '../../../contracts/worker/error-log-messages';

// Thin shell: adapts messages to core's streaming parser and nothing else. TextDecoder drops a
// leading BOM and joins UTF-8 sequences split across chunks.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const decoder = new TextDecoder('utf-8');
const parser = new ImportErrorLogParser();

// Each message is one task on the page when it arrives; small batches keep those tasks short even
// when one network chunk holds a whole log.
const BATCH = 2000;

function post(message: FromErrorLogWorker): void {
  scope.postMessage(message);
}

function postEntries(entries: ImportErrorEntry[], last: boolean): void {
  for (let start = 0; start < entries.length; start += BATCH) {
    const batch = entries.slice(start, start + BATCH);
    post({ type: last && start + BATCH >= entries.length ? 'done' : 'entries', entries: batch });
  }
  if (last && entries.length === 0) post({ type: 'done', entries: [] });
}

scope.onmessage = (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isToErrorLogWorker(message)) {
    post({
      type: 'failed',
      message: 'The error-log worker received a message it does not understand.',
    });
    return;
  }
  try {
    if (message.type === 'bytes') {
      postEntries(parser.push(decoder.decode(message.bytes, { stream: true })), false);
    } else {
      postEntries([...parser.push(decoder.decode()), ...parser.end()], true);
    }
  } catch (error) {
    post({ type: 'failed', message: (error as Error).message });
  }
};
