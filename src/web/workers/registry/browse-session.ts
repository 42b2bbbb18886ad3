import { createExportParser } from '../../../core/registry';
import type { RegistryEntry } from '../../../core/registry';
import type { FromBrowseWorker, ToBrowseWorker } from '../../../contracts/worker/browse-messages';
import { buildRegistryCsv, buildRegistryNdjson } from './build-registry-download';
import { buildSelectionImport } from './build-selection-import';
import { int32Column } from './growable-column';
import { compileRegistryFilter } from './match-registry-rows';
import { filterKey } from './registry-filter';
import { createRegistryRowStore } from './registry-row-store';
import { summarizeDevice } from './summarize-device';
import type { RegistryRow } from './summarize-device';

interface CurrentQuery {
  id: number;
  key: string;
  scan: ReturnType<typeof compileRegistryFilter>;
  /** Record indices that match, in file order; position p of the page's table is matches[p]. */
  matches: ReturnType<typeof int32Column>;
  /** Records scanned so far: the ones read later are scanned when the query is asked again. */
  scanned: number;
}

/**
 * The registry browser's state inside the worker: every record's line text (for details and
 * downloads), a compact key-free summary of every record, and the match list of the page's current
 * query. Only counts and the rows in view go to the page, never the million summaries.
 */
export function createBrowseSession(post: (message: FromBrowseWorker) => void) {
  const parser = createExportParser();
  const decoder = new TextDecoder('utf-8');
  const texts: string[] = [];
  const store = createRegistryRowStore();
  let bytesProcessed = 0;
  let query: CurrentQuery | null = null;

  function keep(entries: RegistryEntry[]): void {
    for (const entry of entries) {
      store.add(summarizeDevice(entry.device, texts.length));
      texts.push(entry.text);
    }
    post({ type: 'browse-progress', bytesProcessed, records: texts.length });
  }

  // Records only ever append, so a repeated query (same filter, more records) scans just the new
  // ones: re-asking during the load stays cheap however often the page does it.
  function catchUp(current: CurrentQuery): void {
    const { matches } = current;
    current.scan(current.scanned, store.size, (index) => matches.push(index));
    current.scanned = store.size;
  }

  function answerQuery(message: Extract<ToBrowseWorker, { type: 'browse-query' }>): void {
    const key = filterKey(message.filter);
    if (query === null || query.key !== key)
      query = {
        id: message.queryId,
        key,
        scan: compileRegistryFilter(store, message.filter),
        matches: int32Column(),
        scanned: 0,
      };
    query.id = message.queryId;
    catchUp(query);
    post({
      type: 'browse-query-done',
      requestId: message.requestId,
      queryId: query.id,
      matches: query.matches.length,
      records: store.size,
      ...store.filterValues(),
    });
  }

  function answerWindow(message: Extract<ToBrowseWorker, { type: 'browse-window' }>): void {
    if (query === null) {
      post({
        type: 'failed',
        requestId: message.requestId,
        error: { code: 'NO_QUERY_YET', message: 'No query has run yet.' },
      });
      return;
    }
    const rows: RegistryRow[] = [];
    if (query.id === message.queryId) {
      const end = Math.min(message.offset + message.limit, query.matches.length);
      for (let position = message.offset; position < end; position++)
        rows.push(store.rowAt(query.matches.at(position)));
    }
    post({
      type: 'browse-window-done',
      requestId: message.requestId,
      queryId: query.id,
      offset: message.offset,
      rows,
    });
  }

  /**
   * The record indices of the query a download or an action names (all records when none), or
   * null when the page's filter moved on meanwhile (the failure is posted).
   */
  function selection(
    message: Extract<ToBrowseWorker, { type: 'browse-download' | 'browse-act' }>,
  ): { indices: Int32Array | undefined } | null {
    if (message.queryId === undefined) return { indices: undefined };
    if (query === null || query.id !== message.queryId) {
      post({
        type: 'failed',
        requestId: message.requestId,
        error: {
          code: 'FILTER_CHANGED',
          message: `The filter changed while the ${message.type === 'browse-act' ? 'action' : 'download'} was asked for.`,
        },
      });
      return null;
    }
    catchUp(query);
    return { indices: query.matches.view() };
  }

  function answerAct(message: Extract<ToBrowseWorker, { type: 'browse-act' }>): void {
    const chosen = selection(message);
    if (chosen === null) return;
    const built = buildSelectionImport(message.action, texts, chosen.indices);
    post({ type: 'browse-act-done', requestId: message.requestId, ...built });
  }

  function answerDownload(message: Extract<ToBrowseWorker, { type: 'browse-download' }>): void {
    const chosen = selection(message);
    if (chosen === null) return;
    const { indices } = chosen;
    const file =
      message.format === 'csv'
        ? buildRegistryCsv(texts, indices)
        : buildRegistryNdjson(texts, indices);
    post({ type: 'browse-download-done', requestId: message.requestId, file });
  }

  return function handle(message: ToBrowseWorker): void {
    switch (message.type) {
      case 'browse-chunk':
        bytesProcessed += message.bytes.byteLength;
        keep(parser.push(decoder.decode(message.bytes, { stream: true })));
        return;
      case 'browse-end':
        keep([...parser.push(decoder.decode()), ...parser.end()]);
        post({
          type: 'browse-done',
          issues: parser.issues.issues,
          issueCounts: parser.issues.counts,
          lines: parser.lineCount,
          records: texts.length,
        });
        return;
      case 'browse-query':
        answerQuery(message);
        return;
      case 'browse-window':
        answerWindow(message);
        return;
      case 'browse-line': {
        const text = texts[message.index];
        if (text === undefined)
          post({
            type: 'failed',
            requestId: message.requestId,
            error: { code: 'RECORD_NOT_FOUND', message: `No record ${message.index}.` },
          });
        else post({ type: 'browse-line-done', requestId: message.requestId, text });
        return;
      }
      case 'browse-download':
        answerDownload(message);
        return;
      case 'browse-act':
        answerAct(message);
        return;
    }
  };
}
