import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbortError } from '../../../lib/api-error';
import type { BrowseClient, BrowseQueryResult } from '../../../workers/registry/browse-client';
import { EMPTY_FILTER, filterKey } from '../../../workers/registry/registry-filter';
import type { RegistryFilter } from '../../../workers/registry/registry-filter';
import type { RegistryRow } from '../../../workers/registry/summarize-device';
import { createRowWindowCache } from '../model/row-window-cache';

export interface RegistryQueryView {
  /** The filter the counts and rows belong to (the typed one, once its answer has arrived). */
  applied: RegistryFilter;
  /** The query the table shows; downloads of the matches name it. */
  queryId: number | null;
  matches: number;
  records: number;
  statuses: string[];
  authTypes: string[];
  /** The row at a position of the matches, or undefined while it is being fetched. */
  rowAt: (position: number) => RegistryRow | undefined;
  /** The table's rendered positions start..end-1; their missing rows are fetched. */
  showRange: (start: number, end: number) => void;
  error: string | null;
}

type Answer = BrowseQueryResult & { filter: RegistryFilter };

const NONE: string[] = [];

function sameOr(values: string[], previous: string[] | undefined): string[] {
  return previous !== undefined &&
    previous.length === values.length &&
    previous.every((value, i) => value === values[i])
    ? previous
    : values;
}

// Rows fetched beyond the rendered ones on each side, so scrolling rarely shows a skeleton.
const PREFETCH = 100;

/**
 * The page's side of the worker's query: the filter goes to the worker (which keeps the match
 * list), counts come back, and then only the rows in view. Every query has a new id and an answer
 * for an older id is dropped. While the file streams in, the query is asked again whenever the
 * record count moves (at most every repaint of the stream, and never two at once); the worker then
 * scans only the new records.
 */
export function useRegistryQuery(
  client: BrowseClient | null,
  filter: RegistryFilter,
  records: number,
): RegistryQueryView {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [cache] = useState(createRowWindowCache);
  const state = useRef({
    lastId: 0,
    inFlight: false,
    windowInFlight: false,
    range: [0, 0] as [number, number],
    records,
    answer: null as Answer | null,
  });
  state.current.records = records;

  const fail = useCallback((failure: unknown) => {
    if (!isAbortError(failure))
      setError(failure instanceof Error ? failure.message : String(failure));
  }, []);

  const fetchMissing = useCallback(() => {
    const s = state.current;
    const current = s.answer;
    if (client === null || current === null || s.windowInFlight) return;
    const [start, end] = s.range;
    const wanted = cache.missing(start - PREFETCH, end + PREFETCH, current.matches);
    if (wanted === null) return;
    s.windowInFlight = true;
    client.window(current.queryId, wanted.offset, wanted.limit).then(
      (result) => {
        s.windowInFlight = false;
        if (result.queryId !== current.queryId) {
          // Asked about a query the worker has replaced: ask again about the one now shown. (The
          // worker answers in order, so the newer query's answer has already arrived.)
          if (s.answer !== null && s.answer.queryId !== current.queryId) fetchMissing();
          return;
        }
        if (s.answer?.queryId !== current.queryId) return;
        cache.put(result.offset, result.rows, s.range[0] - 2 * PREFETCH, s.range[1] + 2 * PREFETCH);
        setVersion((v) => v + 1);
        // Only a full answer may ask again: an empty one means the worker moved on to another
        // query.
        if (result.rows.length > 0) fetchMissing();
      },
      (failure: unknown) => {
        s.windowInFlight = false;
        fail(failure);
      },
    );
  }, [client, cache, fail]);

  const send = useCallback(
    (wanted: RegistryFilter) => {
      const s = state.current;
      if (client === null) return;
      const queryId = ++s.lastId;
      s.inFlight = true;
      client.query(queryId, wanted).then(
        (result) => {
          if (result.queryId !== s.lastId) return;
          s.inFlight = false;
          cache.useFilter(filterKey(wanted));
          // The filter menus' options keep their identity while unchanged, so the memoized filters
          // skip re-rendering.
          const previous = s.answer;
          const next = {
            ...result,
            filter: wanted,
            statuses: sameOr(result.statuses, previous?.statuses),
            authTypes: sameOr(result.authTypes, previous?.authTypes),
          };
          s.answer = next;
          setAnswer(next);
          setError(null);
          fetchMissing();
          if (result.records < s.records) send(wanted);
        },
        (failure: unknown) => {
          s.inFlight = false;
          fail(failure);
        },
      );
    },
    [client, cache, fetchMissing, fail],
  );

  // A new worker (a retried load) knows nothing of the old one's answers or rows.
  useEffect(() => {
    state.current.answer = null;
    state.current.windowInFlight = false;
    cache.clear();
    setAnswer(null);
  }, [client, cache]);

  // A new filter (already debounced by the page) or a new worker: ask at once.
  useEffect(() => {
    send(filter);
  }, [send, filter]);

  // More records read: ask the same question again, unless an answer is still on its way (its
  // arrival re-asks when it is behind the record count).
  useEffect(() => {
    const s = state.current;
    if (!s.inFlight && s.answer !== null && s.answer.records < records) send(s.answer.filter);
  }, [send, records]);

  const showRange = useCallback(
    (start: number, end: number) => {
      state.current.range = [start, end];
      fetchMissing();
    },
    [fetchMissing],
  );

  return {
    applied: answer?.filter ?? EMPTY_FILTER,
    queryId: answer?.queryId ?? null,
    matches: answer?.matches ?? 0,
    records: answer?.records ?? 0,
    statuses: answer?.statuses ?? NONE,
    authTypes: answer?.authTypes ?? NONE,
    rowAt: cache.get,
    showRange,
    error,
  };
}
