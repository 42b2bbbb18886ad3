import { ImportErrorLogParser } from '../../../core/import-errors';
import type { ImportErrorEntry } from '../../../core/import-errors';
import type {
  FromErrorLogWorker,
  ToErrorLogWorker,
} from '../../../contracts/worker/error-log-messages';
import type { Post } from '../channel/serve-worker';

// Each message is one task on the page when it arrives; small batches keep those tasks short even
// when one network chunk holds a whole log.
const BATCH = 2000;

/**
 * The error-log worker's state: core's streaming parser behind a streaming UTF-8 decoder (which
 * drops a leading BOM and joins characters split across chunks). Entries go back in batches; the
 * last batch, maybe empty, answers 'end'.
 */
export function createErrorLogSession(post: Post<FromErrorLogWorker>) {
  const decoder = new TextDecoder('utf-8');
  const parser = new ImportErrorLogParser();

  function postEntries(entries: ImportErrorEntry[], endId?: string): void {
    const batches = Math.ceil(entries.length / BATCH);
    for (let index = 0; index < batches; index++) {
      const batch = entries.slice(index * BATCH, (index + 1) * BATCH);
      if (endId !== undefined && index === batches - 1)
        post({ type: 'done', requestId: endId, entries: batch });
      else post({ type: 'entries', entries: batch });
    }
    if (endId !== undefined && batches === 0) post({ type: 'done', requestId: endId, entries: [] });
  }

  return function handle(message: ToErrorLogWorker): void {
    if (message.type === 'bytes')
      postEntries(parser.push(decoder.decode(message.bytes, { stream: true })));
    else postEntries([...parser.push(decoder.decode()), ...parser.end()], message.requestId);
  };
}
