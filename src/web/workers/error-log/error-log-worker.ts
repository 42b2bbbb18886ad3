import { ImportErrorLogParser } from '../../../core/import-errors';
import type { ImportErrorEntry } from '../../../core/import-errors';
import { FromErrorLogWorker, ToErrorLogWorker } from '../../../contracts/worker/error-log-messages';
import { serveWorker, type Post } from '../channel/serve-worker';

// Thin shell: adapts messages to core's streaming parser and nothing else. TextDecoder drops a
// leading BOM and joins UTF-8 sequences split across chunks.
const decoder = new TextDecoder('utf-8');
const parser = new ImportErrorLogParser();

// Each message is one task on the page when it arrives; small batches keep those tasks short even
// when one network chunk holds a whole log.
const BATCH = 2000;

/** Posts the entries in batches; with `endId`, the last batch (maybe empty) answers 'end'. */
function postEntries(
  post: Post<FromErrorLogWorker>,
  entries: ImportErrorEntry[],
  endId?: string,
): void {
  const batches = Math.ceil(entries.length / BATCH);
  for (let index = 0; index < batches; index++) {
    const batch = entries.slice(index * BATCH, (index + 1) * BATCH);
    if (endId !== undefined && index === batches - 1)
      post({ type: 'done', requestId: endId, entries: batch });
    else post({ type: 'entries', entries: batch });
  }
  if (endId !== undefined && batches === 0) post({ type: 'done', requestId: endId, entries: [] });
}

serveWorker({
  receive: ToErrorLogWorker,
  send: FromErrorLogWorker,
  handle(message, post) {
    if (message.type === 'bytes')
      postEntries(post, parser.push(decoder.decode(message.bytes, { stream: true })));
    else postEntries(post, [...parser.push(decoder.decode()), ...parser.end()], message.requestId);
  },
});
